import { devToken } from '../../infra/src/local-api';
import { COACH_ID, type Options } from './options';

/** Checks the API serves `GET /hello` and returns the bench coach's dev token; throws otherwise. */
export async function preflight(options: Options): Promise<string> {
  const hello = await fetch(`${options.base}/hello`, { signal: AbortSignal.timeout(10_000) }).catch((error: unknown) => {
    throw new Error(`the API does not answer at ${options.base} (${String(error)}); run npm start first`);
  });
  const text = await hello.text();
  if (hello.status !== 200) throw new Error(`GET /hello answered ${hello.status} ${text.slice(0, 200)}; the API must serve it (public, {"hello":"world"})`);
  const token = await devToken(options.base, { userId: COACH_ID, role: 'coach', employmentArea: options.area });
  if (token.error !== undefined) throw new Error(token.error);
  return token.accessToken;
}
