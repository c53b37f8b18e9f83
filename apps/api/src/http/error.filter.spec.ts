import { BadRequestException, HttpStatus, type ArgumentsHost } from '@nestjs/common';
import type { PinoLogger } from 'nestjs-pino';
import { ApiError } from './api-error';
import { ErrorFilter } from './error.filter';

function respond(error: unknown): { status: number; body: unknown; logged: unknown[] } {
  const seen = { status: 0, body: undefined as unknown, logged: [] as unknown[] };
  const response = {
    status(code: number) {
      seen.status = code;
      return this;
    },
    json(body: unknown) {
      seen.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  const logger = { error: (...args: unknown[]) => seen.logged.push(args) } as unknown as PinoLogger;
  new ErrorFilter(logger).catch(error, host);
  return seen;
}

describe('ErrorFilter', () => {
  it('passes an ApiError through with its code', () => {
    const error = new ApiError(HttpStatus.CONFLICT, { code: 'PATH.CONFLICT', message: 'A path is already active.' });
    expect(respond(error)).toMatchObject({ status: 409, body: { code: 'PATH.CONFLICT', message: 'A path is already active.' } });
  });

  it('gives a plain HttpException a code from its status', () => {
    expect(respond(new BadRequestException('nope'))).toMatchObject({ status: 400, body: { code: 'HTTP.400', message: 'nope' } });
  });

  it('answers an unexpected error with 500 INTERNAL and keeps its message out of the response', () => {
    const result = respond(new Error('connection to 10.0.0.5 refused for user admin'));
    expect(result.status).toBe(500);
    expect(result.body).toEqual({ code: 'INTERNAL', message: 'Something went wrong on our side.' });
    expect(result.logged).toHaveLength(1);
  });
});
