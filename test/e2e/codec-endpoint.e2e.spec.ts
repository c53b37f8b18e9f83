import { randomUUID } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { JSONToPayload, payloadToJSON, type JSONPayload } from '@temporalio/common/lib/proto-utils';
import { call, devToken, type Answer } from '../support/staff-api';
import { TEMPORAL_UI_ORIGIN } from '../support/stored-payloads';

type Payloads = { payloads: JSONPayload[] };

const NOTE = { tasks: 'Hyllytys ja keräily', note: `merkki ${randomUUID().slice(0, 8)}` };
const asJson = (value: unknown): JSONPayload => payloadToJSON(defaultPayloadConverter.toPayload(value));
const valueOf = (json: JSONPayload | undefined): unknown => defaultPayloadConverter.fromPayload(JSONToPayload(json ?? {}));
const metadataText = (json: JSONPayload | undefined, key: string): string => Buffer.from(json?.metadata?.[key] ?? '', 'base64').toString('utf8');
const fromUi = { origin: TEMPORAL_UI_ORIGIN, 'x-namespace': 'default' };

function codec(direction: 'encode' | 'decode', payloads: JSONPayload[], options: { token?: string; headers?: Record<string, string> } = {}): Promise<Answer<Payloads>> {
  return call<Payloads>('POST', `/codec/${direction}`, { ...options, body: { payloads } });
}

/**
 * The codec endpoint the Temporal UI (and CLI) decodes payloads through: the protocol, who may
 * call it, from which browser origin, and the session cookie for a UI without its own sign-in.
 */
describe('the codec endpoint (/codec)', () => {
  const area = `E2E-codec ${randomUUID().slice(0, 8)}`;
  let admin: string;
  let coach: string;

  beforeAll(async () => {
    admin = await devToken({ userId: 'admin.codec', role: 'admin', employmentArea: area });
    coach = await devToken({ userId: 'coach.codec', role: 'coach', employmentArea: area });
  });

  it('encrypts and decrypts payloads for an admin, and passes unencrypted ones through', async () => {
    const encoded = await codec('encode', [asJson(NOTE)], { token: admin });
    expect(encoded.status).toBe(200);
    const [sealed] = encoded.body.payloads;
    expect(metadataText(sealed, 'encoding')).toBe('binary/encrypted');
    expect(metadataText(sealed, 'encryption-key-id')).not.toBe('');
    expect(Buffer.from(sealed?.data ?? '', 'base64').toString('utf8')).not.toContain('Hyllytys');

    const decoded = await codec('decode', [sealed as JSONPayload, asJson('already clear')], { token: admin, headers: fromUi });
    expect(decoded.status).toBe(200);
    expect(decoded.body.payloads.map(valueOf)).toEqual([NOTE, 'already clear']);
  });

  it('answers a tampered payload or an unknown key with its code, never with data', async () => {
    const [sealed] = (await codec('encode', [asJson(NOTE)], { token: admin })).body.payloads as [JSONPayload];
    const data = Buffer.from(sealed.data ?? '', 'base64');
    data[data.length - 1] = (data[data.length - 1] ?? 0) ^ 1;
    const tampered = await codec('decode', [{ ...sealed, data: data.toString('base64') }], { token: admin });
    expect([tampered.status, tampered.body]).toEqual([422, expect.objectContaining({ code: 'PAYLOAD.TAMPERED' })]);
    const relabelled = { ...sealed, metadata: { ...sealed.metadata, 'encryption-key-id': Buffer.from('retired-2019').toString('base64') } };
    const unknown = await codec('decode', [relabelled], { token: admin });
    expect([unknown.status, unknown.body]).toEqual([422, expect.objectContaining({ code: 'PAYLOAD.UNKNOWN_KEY' })]);
    expect(JSON.stringify([tampered.body, unknown.body])).not.toContain('Hyllytys');
  });

  it('is for admins only', async () => {
    const payloads = [asJson(NOTE)];
    expect((await codec('decode', payloads)).body).toMatchObject({ code: 'AUTH.MISSING_TOKEN' });
    const asCoach = await codec('decode', payloads, { token: coach });
    expect([asCoach.status, asCoach.body]).toEqual([403, expect.objectContaining({ code: 'AUTH.FORBIDDEN_ROLE' })]);
    expect((await codec('encode', payloads, { token: coach })).status).toBe(403);
  });

  it('answers CORS for the Temporal UI origin only, and refuses browser calls from any other', async () => {
    const preflight = (origin: string) =>
      call('OPTIONS', '/codec/decode', { headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' } });
    const ui = await preflight(TEMPORAL_UI_ORIGIN);
    expect(ui.status).toBe(204);
    expect(ui.headers.get('access-control-allow-origin')).toBe(TEMPORAL_UI_ORIGIN);
    expect(ui.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ui.headers.get('access-control-allow-headers')).toMatch(/x-namespace/);
    const other = await preflight('http://127.0.0.1:8666');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const foreign = await codec('decode', [asJson(NOTE)], { token: admin, headers: { origin: 'http://127.0.0.1:8666' } });
    expect([foreign.status, foreign.body]).toEqual([403, expect.objectContaining({ code: 'CODEC.ORIGIN_NOT_ALLOWED' })]);
  });

  it('lets a browser without its own sign-in decode with an admin’s session cookie, until it signs out', async () => {
    const page = await call('GET', '/codec/session');
    expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
    expect((await call('POST', '/codec/session', { token: coach })).status).toBe(403);

    const opened = await call('POST', '/codec/session', { token: admin });
    expect(opened.status).toBe(204);
    const setCookie = opened.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^polku_codec_session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/codec/);
    const cookie = setCookie.split(';')[0] ?? '';
    const [sealed] = (await codec('encode', [asJson(NOTE)], { token: admin })).body.payloads as [JSONPayload];

    const decoded = await codec('decode', [sealed], { headers: { ...fromUi, cookie } });
    expect(decoded.status).toBe(200);
    expect(valueOf(decoded.body.payloads[0])).toEqual(NOTE);
    const forged = await codec('decode', [sealed], { headers: { ...fromUi, cookie: `polku_codec_session=${admin.slice(0, -4)}AAAA` } });
    expect(forged.status).toBe(401);
    // Opening a session takes the bearer header: the cookie alone does not renew it.
    expect((await call('POST', '/codec/session', { headers: { cookie } })).status).toBe(401);

    const closed = await call('DELETE', '/codec/session', { headers: { cookie } });
    expect(closed.status).toBe(204);
    expect(closed.headers.get('set-cookie')).toMatch(/^polku_codec_session=;.*Expires=Thu, 01 Jan 1970/);
  });
});
