import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@polku/config';
import { ApiProcess, freePort } from '../testing/api-process';

/**
 * The API started as a deployment would be (no POLKU_LOCAL_DEV), against the local Temporal:
 * the dev issuer's routes and /metrics do not exist, and asking for the dev issuer there stops
 * the start. With local development asked for, the dev issuer answers this machine only.
 */
const local = loadConfig();
const secret = (): string => randomBytes(32).toString('base64');
const server = new URL(local.databaseUrl);

/** Everything a deployed API needs, each a secret of its own; TLS off by name (loopback services). */
function deployedEnv(port: number): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'staging',
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    LOG_LEVEL: 'warn',
    DATABASE_URL: `postgres://${server.host}${server.pathname}`,
    DATABASE_SSL_MODE: 'disable',
    DATABASE_API_PASSWORD: `api-${randomBytes(8).toString('hex')}`,
    KAFKA_BROKERS: local.kafka.brokers.join(','),
    KAFKA_SSL: 'false',
    KAFKA_API_PASSWORD: `api-${randomBytes(8).toString('hex')}`,
    TEMPORAL_ADDRESS: local.temporal.address,
    TEMPORAL_TLS: 'false',
    POLKU_IDENTITY_MASTER_KEY: secret(),
    POLKU_IDENTITY_FINGERPRINT_KEY: secret(),
    POLKU_PAYLOAD_KEYS: `k1:${secret()}`,
    AUTH_ISSUER: 'https://idp.example/',
    AUTH_JWKS_URL: 'https://idp.example/jwks',
  };
}

async function answer(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

const TOKEN_REQUEST = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'coach.virtanen', role: 'admin', employmentArea: 'Pirkanmaa' }) };
const apis: ApiProcess[] = [];
afterAll(async () => Promise.all(apis.splice(0).map((api) => api.end())));

describe('outside local development', () => {
  it('has no dev issuer routes and no /metrics: they answer as routes that do not exist', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const api = new ApiProcess(deployedEnv(port));
    apis.push(api);
    await api.answering(`${base}/hello`);
    expect(await answer(`${base}/hello`)).toEqual({ status: 200, body: { hello: 'world' } });
    expect(await answer(`${base}/dev-issuer/token`, TOKEN_REQUEST)).toEqual({ status: 404, body: { code: 'HTTP.404', message: 'Cannot POST /dev-issuer/token' } });
    for (const path of ['/dev-issuer/jwks', '/dev-issuer/.well-known/openid-configuration', '/metrics']) {
      expect([path, await answer(`${base}${path}`)]).toEqual([path, { status: 404, body: { code: 'HTTP.404', message: `Cannot GET ${path}` } }]);
    }
  });

  it('refuses to start when the dev issuer is asked for, naming the setting', async () => {
    const port = await freePort();
    const api = new ApiProcess({ ...deployedEnv(port), AUTH_DEV_ISSUER: 'true' });
    apis.push(api);
    expect(await api.exited).not.toBe(0);
    expect(api.log).toMatch(/Configuration AUTH_DEV_ISSUER: may be true only in local development \(POLKU_LOCAL_DEV=true/);
  });
});

describe('in local development', () => {
  it('answers the dev issuer on loopback only, even when the API listens on every interface', async () => {
    const outside = Object.values(networkInterfaces()).flat().find((address) => address?.family === 'IPv4' && !address.internal)?.address;
    if (outside === undefined) throw new Error('this test needs a non-loopback IPv4 interface to call the API from');
    const port = await freePort();
    const keys = mkdtempSync(join(tmpdir(), 'polku-dev-issuer-'));
    const api = new ApiProcess({
      ...deployedEnv(port),
      POLKU_LOCAL_DEV: 'true',
      AUTH_DEV_ISSUER: 'true',
      AUTH_ISSUER: `http://127.0.0.1:${port}/dev-issuer`,
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/dev-issuer/jwks`,
      AUTH_DEV_ISSUER_KEY_FILE: join(keys, 'signing-key.json'),
      API_HOST: '0.0.0.0',
    });
    apis.push(api);
    try {
      await api.answering(`http://127.0.0.1:${port}/hello`);
      expect((await answer(`http://127.0.0.1:${port}/dev-issuer/token`, TOKEN_REQUEST)).status).toBe(200);
      expect(await answer(`http://${outside}:${port}/dev-issuer/token`, TOKEN_REQUEST)).toEqual({ status: 404, body: { code: 'HTTP.404', message: 'Cannot POST /dev-issuer/token' } });
      expect((await answer(`http://${outside}:${port}/dev-issuer/jwks`)).status).toBe(404);
      expect((await answer(`http://${outside}:${port}/hello`)).status).toBe(200);
    } finally {
      rmSync(keys, { recursive: true, force: true });
    }
  });
});
