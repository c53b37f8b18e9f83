import { loadConfig } from './config';
import { refusal } from './testing/refusal';
import { DEV_PAYLOAD_KEY_ID, payloadEncryptionSettings } from './payload-encryption';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');
const DEV_KEY = Buffer.from('polku-local-dev-payload-key-0001', 'utf8').toString('base64');

const read = (env: Record<string, string>, local = false) => payloadEncryptionSettings(env, local)();

describe('payload encryption settings', () => {
  it('uses the public dev key and the local Temporal UI in local development only', () => {
    const settings = read({}, true);
    expect(settings.currentKeyId).toBe(DEV_PAYLOAD_KEY_ID);
    expect([...settings.keys.values()].map((key) => key.toString('base64'))).toEqual([DEV_KEY]);
    expect(settings.codecUiOrigins).toEqual(['http://127.0.0.1:8233']);
    const refused = refusal(() => read({}));
    expect(refused.variable).toBe('POLKU_PAYLOAD_KEYS');
    expect(refused.message).toMatch(/POLKU_LOCAL_DEV=true/);
  });

  it('refuses to start outside local development without keys, but only where they are read', () => {
    const deployed = { DATABASE_URL: 'postgres://db.example:5432/polku' };
    const config = loadConfig(deployed);
    expect(refusal(() => config.payloadEncryption).variable).toBe('POLKU_PAYLOAD_KEYS');
    expect(loadConfig({ ...deployed, POLKU_PAYLOAD_KEYS: `k1:${KEY_A}` }).payloadEncryption.currentKeyId).toBe('k1');
  });

  it('checks keys that were given at once, wherever the config is loaded', () => {
    expect(refusal(() => payloadEncryptionSettings({ POLKU_PAYLOAD_KEYS: 'k1:short' }, true)).variable).toBe('POLKU_PAYLOAD_KEYS');
  });

  it('reads a keyring being rotated: several keys, the current one named', () => {
    const settings = read({ POLKU_PAYLOAD_KEYS: `k2:${KEY_B}, k1:${KEY_A}`, POLKU_PAYLOAD_KEY_ID: 'k2', POLKU_CODEC_UI_ORIGINS: 'https://temporal.example' });
    expect(settings.currentKeyId).toBe('k2');
    expect([...settings.keys.keys()]).toEqual(['k2', 'k1']);
    expect(settings.keys.get('k1')?.toString('base64')).toBe(KEY_A);
    expect(settings.codecUiOrigins).toEqual(['https://temporal.example']);
    expect(read({ POLKU_PAYLOAD_KEYS: `k1:${KEY_A}` }).codecUiOrigins).toEqual([]);
  });

  it.each([
    [{ POLKU_PAYLOAD_KEYS: `k1:${KEY_A},k2:${KEY_B}` }, 'POLKU_PAYLOAD_KEY_ID'],
    [{ POLKU_PAYLOAD_KEYS: `k1:${KEY_A}`, POLKU_PAYLOAD_KEY_ID: 'k9' }, 'POLKU_PAYLOAD_KEY_ID'],
    [{ POLKU_PAYLOAD_KEYS: `k1:${KEY_A},k1:${KEY_B}` }, 'POLKU_PAYLOAD_KEYS'],
    [{ POLKU_PAYLOAD_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` }, 'POLKU_PAYLOAD_KEYS'],
    [{ POLKU_PAYLOAD_KEYS: `k 1:${KEY_A}` }, 'POLKU_PAYLOAD_KEYS'],
    [{ POLKU_PAYLOAD_KEYS: `${KEY_A}` }, 'POLKU_PAYLOAD_KEYS'],
    [{ POLKU_PAYLOAD_KEYS: ' , ' }, 'POLKU_PAYLOAD_KEYS'],
    [{ POLKU_PAYLOAD_KEYS: `k1:${DEV_KEY}` }, 'POLKU_PAYLOAD_KEYS'],
    [{ POLKU_PAYLOAD_KEYS: `k1:${KEY_A}`, POLKU_CODEC_UI_ORIGINS: 'https://temporal.example/ui' }, 'POLKU_CODEC_UI_ORIGINS'],
  ])('refuses %j, naming %s and never the key', (env, variable) => {
    const refused = refusal(() => read(env));
    expect(refused.variable).toBe(variable);
    expect(refused.message).not.toContain(KEY_A);
  });
});
