import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { ApiError, type ApiErrorBody } from './api-error';

/** Maps every error to `{ code, message }`; unexpected ones are logged without request data. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const [status, body] = this.describe(error);
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof ApiError) for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }

  private describe(error: unknown): [HttpStatus, ApiErrorBody] {
    if (error instanceof HttpException) {
      const response = error.getResponse();
      if (typeof response === 'object' && 'code' in response) return [error.getStatus(), response as ApiErrorBody];
      return [error.getStatus(), { code: `HTTP.${error.getStatus()}`, message: error.message }];
    }
    // Name and SQLSTATE only: messages (PostgreSQL's above all) can quote the values involved.
    const { name, code } = error as { name?: string; code?: unknown };
    this.logger.error({ err: { name, ...(typeof code === 'string' ? { code } : {}) } }, 'unhandled error');
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: 'INTERNAL', message: 'Something went wrong on our side.' }];
  }
}
