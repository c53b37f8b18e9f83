import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import type { ConsumerErrorBody } from './consumer-http-error';

/** Maps every error to `{ code, message }`, like the staff API; unexpected ones are logged by name only. */
@Catch()
export class ConsumerErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const [status, body] = this.describe(error);
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }

  private describe(error: unknown): [HttpStatus, ConsumerErrorBody] {
    if (error instanceof HttpException) {
      const response = error.getResponse();
      if (typeof response === 'object' && 'code' in response) return [error.getStatus(), response as ConsumerErrorBody];
      if (error.getStatus() === HttpStatus.NOT_FOUND) return [HttpStatus.NOT_FOUND, { code: 'ROUTE.NOT_FOUND', message: 'There is no such endpoint.' }];
      return [error.getStatus(), { code: `HTTP.${error.getStatus()}`, message: error.message }];
    }
    // Name and SQLSTATE only: messages (PostgreSQL's above all) can quote the values involved.
    const { name, code } = error as { name?: string; code?: unknown };
    this.logger.error({ err: { name, ...(typeof code === 'string' ? { code } : {}) } }, 'unhandled error');
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: 'INTERNAL', message: 'Something went wrong on our side.' }];
  }
}
