import type { ErrorRequestHandler, RequestHandler } from 'express';
import { json } from 'express';
import type { ApiErrorBody } from './api-error';

// body-parser marks its failures with these types; each is the client's fault, answered here
// with a stable code before the request reaches any controller.
const PARSER_FAILURES: Record<string, [number, ApiErrorBody]> = {
  'entity.parse.failed': [400, { code: 'REQUEST.MALFORMED_JSON', message: 'The request body is not valid JSON.' }],
  'entity.too.large': [413, { code: 'REQUEST.TOO_LARGE', message: 'The request body is too large.' }],
  'encoding.unsupported': [415, { code: 'REQUEST.UNSUPPORTED_ENCODING', message: 'The request body encoding is not supported.' }],
  'charset.unsupported': [415, { code: 'REQUEST.UNSUPPORTED_CHARSET', message: 'The request body charset is not supported.' }],
};

/** The JSON body parser and the error handler that turns its failures into `{ code, message }`. */
export function jsonBody(limit: string): [RequestHandler, ErrorRequestHandler] {
  const onParseError: ErrorRequestHandler = (error: { type?: string }, _request, response, next) => {
    const failure = PARSER_FAILURES[error.type ?? ''];
    if (!failure) {
      next(error);
      return;
    }
    const [status, body] = failure;
    response.status(status).json(body);
  };
  return [json({ limit }), onParseError];
}
