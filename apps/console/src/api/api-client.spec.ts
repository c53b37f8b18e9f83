import { createActionKeys } from './action-keys';
import { createApiClient, POST_TIMEOUT_MS, type FetchLike } from './api-client';
import type { KeyValueStore } from './session';

interface Call {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** A reply the fake server gives: an answer, a failed connection, or nothing until aborted. */
type Reply = { readonly status: number; readonly body: string } | 'network-failure' | 'hang';

const OK: Reply = { status: 200, body: '{}' };
const answer = (status: number, code: string): Reply => ({ status, body: JSON.stringify({ code, message: code }) });

/** Gives each request the next reply (the last one repeats) and records what was sent. */
function scriptedServer(...replies: readonly Reply[]) {
  const calls: Call[] = [];
  const fetch: FetchLike = (url, { signal, ...init }) => {
    calls.push({ url, ...init });
    const reply = replies[Math.min(calls.length, replies.length) - 1];
    if (reply === undefined || reply === 'network-failure') return Promise.reject(new TypeError('Failed to fetch'));
    if (reply === 'hang') return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    return Promise.resolve({ status: reply.status, text: async () => reply.body });
  };
  const keysSent = () => calls.map((call) => call.headers['idempotency-key']);
  return { calls, fetch, keysSent };
}

function memoryStore(): KeyValueStore & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

let issued = 0;
beforeEach(() => (issued = 0));

/** A client as the console builds one; clients given the same store are the same tab across a reload. */
function client(server: { fetch: FetchLike }, { token = 'tok-1', store = memoryStore() }: { token?: string | null; store?: KeyValueStore } = {}) {
  const unauthorized: number[] = [];
  const keys = createActionKeys(store, () => `key-${++issued}`);
  const api = createApiClient({ fetch: server.fetch, token: () => token, keys, onUnauthorized: () => unauthorized.push(1) });
  return { api, unauthorized };
}

describe('createApiClient', () => {
  it('sends GET with the bearer token and no idempotency key', async () => {
    const server = scriptedServer({ status: 200, body: '{"items":[]}' });
    const answer = await client(server).api.get('/paths?limit=50');
    expect(answer).toEqual({ ok: true, status: 200, data: { items: [] } });
    expect(server.calls).toEqual([{ url: '/paths?limit=50', method: 'GET', headers: { accept: 'application/json', authorization: 'Bearer tok-1' } }]);
  });

  it('sends a POST as JSON with an Idempotency-Key', async () => {
    const server = scriptedServer(OK);
    await client(server).api.post('/paths/p1/start-assessment', { startedOn: '2026-01-05' });
    expect(server.calls).toEqual([
      {
        url: '/paths/p1/start-assessment',
        method: 'POST',
        body: '{"startedOn":"2026-01-05"}',
        headers: { accept: 'application/json', authorization: 'Bearer tok-1', 'content-type': 'application/json', 'idempotency-key': 'key-1' },
      },
    ]);
  });

  it('sends a bodiless POST as {} and no token when signed out', async () => {
    const server = scriptedServer(OK);
    await client(server, { token: null }).api.post('/me/notifications/n1/read');
    expect(server.calls[0]?.body).toBe('{}');
    expect(server.calls[0]?.headers['authorization']).toBeUndefined();
  });

  it('passes the server error body through with its issues', async () => {
    const body = { code: 'VALIDATION.INVALID_BODY', message: 'invalid', issues: [{ path: 'heldOn', message: 'required' }, { nope: 1 }] };
    const answer = await client(scriptedServer({ status: 400, body: JSON.stringify(body) })).api.post('/paths/p1/hold-initial-interview', {});
    expect(answer).toEqual({ ok: false, status: 400, error: { code: 'VALIDATION.INVALID_BODY', message: 'invalid', issues: [{ path: 'heldOn', message: 'required' }] } });
  });

  it('names an error answer that is not the API shape by its status', async () => {
    const answer = await client(scriptedServer({ status: 502, body: '<html>Bad gateway</html>' })).api.get('/paths');
    expect(answer).toEqual({ ok: false, status: 502, error: { code: 'HTTP.502', message: '<html>Bad gateway</html>' } });
  });

  it('ends the session on 401', async () => {
    const { api, unauthorized } = client(scriptedServer(answer(401, 'AUTH.TOKEN_EXPIRED')));
    expect((await api.get('/me')).ok).toBe(false);
    expect(unauthorized).toHaveLength(1);
  });

  it('turns a network failure into an error answer instead of throwing', async () => {
    expect(await client(scriptedServer('network-failure')).api.get('/health')).toEqual({ ok: false, status: 0, error: { code: 'NETWORK.UNREACHABLE', message: 'Failed to fetch' } });
  });
});

describe('the Idempotency-Key of a user action', () => {
  const PATH_COMMAND = '/paths/p1/record-consent';
  const consent = { consent: { audience: 'KELA', scope: 'Työkyky', givenOn: '2026-01-05', expiresOn: '2027-01-05' } };

  it.each<[string, Reply]>([
    ['a network failure', 'network-failure'],
    ['a 500', answer(500, 'INTERNAL')],
    ['a proxy’s 502', { status: 502, body: '<html>Bad gateway</html>' }],
    ['a 409 while the first attempt is still running', answer(409, 'IDEMPOTENCY.IN_PROGRESS')],
    ['a 409 version conflict', answer(409, 'EVENT_STORE.VERSION_CONFLICT')],
  ])('is sent again by the retry after %s, and a new one after the retry’s 2xx', async (_label, failure) => {
    const server = scriptedServer(failure, OK, OK);
    const { api } = client(server);
    for (let submission = 0; submission < 3; submission++) await api.post(PATH_COMMAND, consent);
    expect(server.keysSent()).toEqual(['key-1', 'key-1', 'key-2']);
  });

  it.each<[string, Reply]>([
    ['a 200', OK],
    ['a 201', { status: 201, body: '{"pathId":"p2"}' }],
    ['a 400', answer(400, 'VALIDATION.INVALID_BODY')],
    ['a 401', answer(401, 'AUTH.TOKEN_EXPIRED')],
    ['a 404', answer(404, 'PATH.NOT_FOUND')],
    ['a 422', answer(422, 'PATH.INVALID_TRANSITION')],
  ])('is done after %s: the same form sent again is a new action', async (_label, final) => {
    const server = scriptedServer(final);
    const { api } = client(server);
    await api.post(PATH_COMMAND, consent);
    await api.post(PATH_COMMAND, consent);
    expect(server.keysSent()).toEqual(['key-1', 'key-2']);
  });

  it('ends a request without an answer after POST_TIMEOUT_MS, and its retry sends the same key', async () => {
    jest.useFakeTimers();
    try {
      const server = scriptedServer('hang', OK);
      const { api } = client(server);
      let settled = false;
      const first = api.post(PATH_COMMAND, consent).finally(() => (settled = true));
      await jest.advanceTimersByTimeAsync(POST_TIMEOUT_MS - 1);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(await first).toEqual({ ok: false, status: 0, error: { code: 'NETWORK.TIMEOUT', message: `No answer within ${POST_TIMEOUT_MS / 1000} s.` } });
      expect(await api.post(PATH_COMMAND, consent)).toMatchObject({ ok: true, status: 200 });
      expect(server.keysSent()).toEqual(['key-1', 'key-1']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('is another action’s for another body or another command, while the first still waits for its answer', async () => {
    const server = scriptedServer('network-failure');
    const { api } = client(server);
    const corrected = { consent: { ...consent.consent, scope: 'Työkyky ja terveys' } };
    await api.post(PATH_COMMAND, consent);
    await api.post(PATH_COMMAND, corrected);
    await api.post('/paths/p2/record-consent', consent);
    await api.post(PATH_COMMAND, consent);
    expect(server.keysSent()).toEqual(['key-1', 'key-2', 'key-3', 'key-1']);
  });

  it('outlives a page reload until the action is answered, and keeps no request body', async () => {
    const tab = memoryStore();
    const intake = { identityCode: '131052-308T', municipality: 'Tampere', coachId: 'coach.virtanen' };
    const server = scriptedServer('network-failure', { status: 201, body: '{"pathId":"p2"}' });
    await client(server, { store: tab }).api.post('/paths', intake);
    expect(JSON.stringify([...tab.items])).not.toContain('131052');
    await client(server, { store: tab }).api.post('/paths', intake);
    expect(server.keysSent()).toEqual(['key-1', 'key-1']);
    expect(tab.items.size).toBe(0);
  });
});
