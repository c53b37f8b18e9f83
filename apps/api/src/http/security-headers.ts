import type { NextFunction, Request, Response } from 'express';

// The console and the API docs load only their own files; nothing may frame them (clickjacking),
// and no page may send data anywhere but this origin. Styles may be inline (Swagger UI sets them).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const ALWAYS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Two years, as the HSTS preload list asks. */
const HSTS = 'max-age=63072000; includeSubDomains';

// The console's built files and Swagger UI's may be cached; everything else the API answers can
// hold personal data and must never be kept by a browser or a proxy.
const CACHEABLE = [/^\/assets\//, /^\/docs\/assets\//];

/**
 * Security headers on every answer (docs/security.md, ASVS V14.4): CSP, no sniffing or framing,
 * no referrer; `Cache-Control: no-store` on all but static files; HSTS when the request came over
 * TLS (directly, or through a proxy that says so and is trusted, `trust proxy`).
 */
export function securityHeaders() {
  return (request: Request, response: Response, next: NextFunction): void => {
    for (const [name, value] of Object.entries(ALWAYS)) response.setHeader(name, value);
    if (!CACHEABLE.some((path) => path.test(request.path))) response.setHeader('cache-control', 'no-store');
    if (request.secure) response.setHeader('strict-transport-security', HSTS);
    next();
  };
}
