import type { RequestHandler } from 'express';

/** Holds an admin's access token for the codec endpoint: HttpOnly, SameSite=Strict, Path=/codec. */
export const CODEC_SESSION_COOKIE = 'polku_codec_session';
export const CODEC_COOKIE_PATH = '/codec';

/**
 * A browser that has no sign-in of its own (the Temporal dev UI) can only bring credentials as
 * a cookie. For encode and decode, the session cookie stands in for a missing Authorization
 * header; the token is then verified like any other (signature, expiry, the admin role).
 */
export const sessionCookieAsBearer: RequestHandler = (request, _response, next) => {
  const token = cookieValue(request.headers.cookie, CODEC_SESSION_COOKIE);
  if (request.headers.authorization === undefined && token !== undefined) request.headers.authorization = `Bearer ${token}`;
  next();
};

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name && value.length > 0) return value.join('=');
  }
  return undefined;
}
