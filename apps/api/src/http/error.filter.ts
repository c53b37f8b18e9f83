import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { allowedMethodsOf, isPublicRoute } from './allowed-methods';
import { PinoLogger } from 'nestjs-pino';
import { ApiError, type ApiErrorBody } from './api-error';
import { TokenVerifier, unauthorized } from '../auth/token-verifier';

/** Maps every error to `{ code, message }`; unexpected ones are logged without request data. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(
    private readonly logger: PinoLogger,
    private readonly tokens: TokenVerifier,
  ) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<Request>();
    const answered = (await this.methodNotAllowed(error, request)) ?? error;
    const [status, body] = this.describe(answered);
    const response = host.switchToHttp().getResponse<Response>();
    if (answered instanceof ApiError) for (const [name, value] of Object.entries(answered.headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }

  /**
   * A route asked with a method it does not take is 405 with `Allow`, not Express's 404 (RFC
   * 9110 §15.5.6) — but only to a caller with a valid token when the route needs one: without,
   * they learn nothing of it, not even its methods (401).
   */
  private async methodNotAllowed(error: unknown, request: Request): Promise<ApiError | undefined> {
    const allowed = error instanceof NotFoundException && !(error instanceof ApiError) ? allowedMethodsOf(request.path) : [];
    if (allowed.length === 0 || allowed.includes(request.method)) return undefined;
    if (!isPublicRoute(request.path)) {
      const refused = await this.tokens.verifyAuthorization(request.headers.authorization).then(
        () => undefined,
        (error: unknown) => (error instanceof ApiError ? error : unauthorized('AUTH.INVALID_TOKEN', 'The token is not valid for this API.')),
      );
      if (refused) return refused;
    }
    return new ApiError(HttpStatus.METHOD_NOT_ALLOWED, { code: 'HTTP.METHOD_NOT_ALLOWED', message: `This route takes ${allowed.join(', ')}.` }, { allow: allowed.join(', ') });
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

