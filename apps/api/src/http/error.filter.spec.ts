import { BadRequestException, HttpStatus, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import type { PinoLogger } from 'nestjs-pino';
import { ApiError } from './api-error';
import type { TokenVerifier } from '../auth/token-verifier';
import { ErrorFilter } from './error.filter';

// Only 'Bearer valid' is a valid token here.
const tokens = {
  verifyAuthorization: async (header: string | undefined) => {
    if (header === undefined) throw new ApiError(HttpStatus.UNAUTHORIZED, { code: 'AUTH.MISSING_TOKEN', message: 'Sign in.' });
    if (header !== 'Bearer valid') throw new ApiError(HttpStatus.UNAUTHORIZED, { code: 'AUTH.INVALID_TOKEN', message: 'The token is not valid for this API.' });
    return { userId: 'u', role: 'coach', employmentArea: 'a' };
  },
} as unknown as TokenVerifier;

async function respond(error: unknown, request: { method: string; path: string; headers?: Record<string, string> } = { method: 'GET', path: '/' }): Promise<{ status: number; body: unknown; logged: unknown[]; headers: Record<string, string> }> {
  const seen = { status: 0, body: undefined as unknown, logged: [] as unknown[], headers: {} as Record<string, string> };
  const response = {
    setHeader(name: string, value: string) {
      seen.headers[name] = value;
    },
    status(code: number) {
      seen.status = code;
      return this;
    },
    json(body: unknown) {
      seen.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ headers: {}, ...request }) }) } as unknown as ArgumentsHost;
  const logger = { error: (...args: unknown[]) => seen.logged.push(args) } as unknown as PinoLogger;
  await new ErrorFilter(logger, tokens).catch(error, host);
  return seen;
}

describe('ErrorFilter', () => {
  it('passes an ApiError through with its code', async () => {
    const error = new ApiError(HttpStatus.CONFLICT, { code: 'PATH.CONFLICT', message: 'A path is already active.' });
    expect(await respond(error)).toMatchObject({ status: 409, body: { code: 'PATH.CONFLICT', message: 'A path is already active.' } });
  });

  it('gives a plain HttpException a code from its status', async () => {
    expect(await respond(new BadRequestException('nope'))).toMatchObject({ status: 400, body: { code: 'HTTP.400', message: 'nope' } });
  });

  it('answers an unexpected error with 500 INTERNAL and keeps its message out of the response', async () => {
    const result = await respond(new Error('connection to 10.0.0.5 refused for user admin'));
    expect(result.status).toBe(500);
    expect(result.body).toEqual({ code: 'INTERNAL', message: 'Something went wrong on our side.' });
    expect(result.logged).toHaveLength(1);
  });

  it('answers a route asked with a method it does not take with 405 and Allow, and a path that is no route with 404', async () => {
    const notFound = (method: string, path: string, headers: Record<string, string> = { authorization: 'Bearer valid' }) => respond(new NotFoundException(`Cannot ${method} ${path}`), { method, path, headers });
    expect(await notFound('TRACE', '/paths')).toMatchObject({ status: 405, body: { code: 'HTTP.METHOD_NOT_ALLOWED' }, headers: { allow: 'GET, HEAD, POST' } });
    expect(await notFound('DELETE', '/paths/0b6c2f0e-7d1a-4b8e-9a53-0e7cf1e6a1b2/exit')).toMatchObject({ status: 405, headers: { allow: 'POST' } });
    expect(await notFound('GET', '/no-such-route')).toMatchObject({ status: 404, body: { code: 'HTTP.404' }, headers: {} });
  });

  it('tells a caller without a valid token nothing of a route that needs one, not even its methods; a public route says', async () => {
    const anonymous = (method: string, path: string) => respond(new NotFoundException(`Cannot ${method} ${path}`), { method, path, headers: {} });
    expect(await anonymous('PUT', '/paths')).toMatchObject({ status: 401, body: { code: 'AUTH.MISSING_TOKEN' }, headers: {} });
    expect(await anonymous('POST', '/health')).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD' } });
    const forged = await respond(new NotFoundException('Cannot PUT /paths'), { method: 'PUT', path: '/paths', headers: { authorization: 'Bearer forged' } });
    expect(forged).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN' }, headers: {} });
  });
});
