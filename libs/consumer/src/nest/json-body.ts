import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { json } from 'express';
import { ConsumerHttpError, type ConsumerErrorBody } from './consumer-http-error';

const PARSER_FAILURES: Record<string, [number, ConsumerErrorBody]> = {
  'entity.parse.failed': [400, { code: 'REQUEST.MALFORMED_JSON', message: 'The request body is not valid JSON.' }],
  'entity.too.large': [413, { code: 'REQUEST.TOO_LARGE', message: 'The request body is too large.' }],
};

/**
 * The only body parser of a consumer app: JSON, small. No urlencoded parser, so an HTML form's
 * body is never read as input.
 */
export function jsonBody(limit = '16kb'): [RequestHandler, ErrorRequestHandler] {
  const onParseError: ErrorRequestHandler = (error: { type?: string }, _request, response, next) => {
    const failure = PARSER_FAILURES[error.type ?? ''];
    if (!failure) return next(error);
    response.status(failure[0]).json(failure[1]);
  };
  return [json({ limit }), onParseError];
}

/**
 * CSRF, the second half (the first: tokens only from the Authorization header): an admin POST
 * must say `Content-Type: application/json`. A page on another site can send a form or text/plain
 * body without asking, but JSON only after a CORS preflight, which these apps never grant.
 */
@Injectable()
export class JsonOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const type = context.switchToHttp().getRequest<Request>().headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new ConsumerHttpError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'REQUEST.NOT_JSON', 'Send this with Content-Type: application/json and a JSON body ({} will do).');
    }
    return true;
  }
}
