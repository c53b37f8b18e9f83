import { createApiClient, type FetchLike } from './api-client';

interface Call {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

function fakeServer(status: number, body: string) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, ...init });
    return { status, text: async () => body };
  };
  return { calls, fetch };
}

function client(server: { fetch: FetchLike }, token: string | null = 'tok-1') {
  let keys = 0;
  const unauthorized: number[] = [];
  const api = createApiClient({ fetch: server.fetch, token: () => token, newKey: () => `key-${++keys}`, onUnauthorized: () => unauthorized.push(1) });
  return { api, unauthorized };
}

describe('createApiClient', () => {
  it('sends GET with the bearer token and no idempotency key', async () => {
    const server = fakeServer(200, '{"items":[]}');
    const answer = await client(server).api.get('/paths?limit=50');
    expect(answer).toEqual({ ok: true, status: 200, data: { items: [] } });
    expect(server.calls).toEqual([{ url: '/paths?limit=50', method: 'GET', headers: { accept: 'application/json', authorization: 'Bearer tok-1' } }]);
  });

  it('sends every POST as JSON with a fresh Idempotency-Key', async () => {
    const server = fakeServer(200, '{}');
    const { api } = client(server);
    await api.post('/paths/p1/start-assessment', { startedOn: '2026-01-05' });
    await api.post('/paths/p1/start-assessment', { startedOn: '2026-01-05' });
    expect(server.calls.map((call) => call.headers['idempotency-key'])).toEqual(['key-1', 'key-2']);
    expect(server.calls[0]).toMatchObject({ method: 'POST', body: '{"startedOn":"2026-01-05"}', headers: { 'content-type': 'application/json' } });
  });

  it('sends a bodiless POST as {} and no token when signed out', async () => {
    const server = fakeServer(200, '{}');
    await client(server, null).api.post('/me/notifications/n1/read');
    expect(server.calls[0]?.body).toBe('{}');
    expect(server.calls[0]?.headers['authorization']).toBeUndefined();
  });

  it('passes the server error body through with its issues', async () => {
    const body = { code: 'VALIDATION.INVALID_BODY', message: 'invalid', issues: [{ path: 'heldOn', message: 'required' }, { nope: 1 }] };
    const answer = await client(fakeServer(400, JSON.stringify(body))).api.post('/paths/p1/hold-initial-interview', {});
    expect(answer).toEqual({ ok: false, status: 400, error: { code: 'VALIDATION.INVALID_BODY', message: 'invalid', issues: [{ path: 'heldOn', message: 'required' }] } });
  });

  it('names an error answer that is not the API shape by its status', async () => {
    const answer = await client(fakeServer(502, '<html>Bad gateway</html>')).api.get('/paths');
    expect(answer).toEqual({ ok: false, status: 502, error: { code: 'HTTP.502', message: '<html>Bad gateway</html>' } });
  });

  it('ends the session on 401', async () => {
    const { api, unauthorized } = client(fakeServer(401, '{"code":"AUTH.TOKEN_EXPIRED","message":"expired"}'));
    const answer = await api.get('/me');
    expect(answer.ok).toBe(false);
    expect(unauthorized).toHaveLength(1);
  });

  it('turns a network failure into an error answer instead of throwing', async () => {
    const api = createApiClient({ fetch: () => Promise.reject(new Error('connection refused')), token: () => null, newKey: () => 'k', onUnauthorized: () => undefined });
    expect(await api.get('/health')).toEqual({ ok: false, status: 0, error: { code: 'NETWORK.UNREACHABLE', message: 'connection refused' } });
  });
});
