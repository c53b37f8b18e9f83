import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { containsIdentityCodeShape, redactIdentityCodeShapes } from '@polku/domain';
import type { Params } from 'nestjs-pino';

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * The request's correlation id: the caller's when well-formed, else a new one; echoed back. It
 * goes into every event's metadata, so an id shaped like an identity code is never taken.
 */
function correlationIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers[CORRELATION_HEADER];
  const usable = typeof given === 'string' && /^[\w-]{8,64}$/.test(given) && !containsIdentityCodeShape(given);
  const id = usable ? given : randomUUID();
  response.setHeader(CORRELATION_HEADER, id);
  return id;
}

/** A URL path as logged: without its query, and with anything shaped like an identity code masked. */
export function loggablePath(url: string): string {
  return redactIdentityCodeShapes(url.split('?')[0] ?? '');
}

/** JSON request logs: method, path and status with the correlation id; no bodies, queries or headers. */
export function requestLogging(level: string): Params {
  return {
    pinoHttp: {
      name: 'api',
      level,
      genReqId: correlationIdOf,
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, path: loggablePath(request.url) }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  };
}
