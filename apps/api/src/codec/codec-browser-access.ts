import type { RequestHandler } from 'express';

const ALLOWED_HEADERS = 'authorization, content-type, x-namespace';
const PREFLIGHT_MAX_AGE_S = '600';
const FOREIGN_ORIGIN = { code: 'CODEC.ORIGIN_NOT_ALLOWED', message: 'This origin may not call the codec endpoint.' } as const;

/**
 * The Temporal UI calls the codec endpoint from its own origin (POLKU_CODEC_UI_ORIGINS). Those
 * origins get CORS answers, credentials included (the session cookie); a browser request from
 * any other origin is refused outright, so no other page on the same site can have a signed-in
 * admin's browser decode for it. Callers outside a browser (the Temporal CLI) send no Origin.
 */
export function codecBrowserAccess(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (request, response, next) => {
    const origin = request.headers.origin;
    response.vary('Origin');
    const known = origin !== undefined && allowed.has(origin);
    if (known) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (request.method === 'OPTIONS') {
      if (known) {
        response.setHeader('Access-Control-Allow-Methods', 'POST');
        response.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        response.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_S);
      }
      response.status(204).end();
      return;
    }
    if (origin !== undefined && !known) {
      response.status(403).json(FOREIGN_ORIGIN);
      return;
    }
    next();
  };
}
