import { loadConfig } from './config';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const LOCAL = { POLKU_LOCAL_DEV: 'true' };

describe('identity keyring settings', () => {
  it('holds the current master key under its id, first, and retired keys after it', () => {
    const identity = loadConfig({ ...LOCAL, POLKU_IDENTITY_MASTER_KEY: key(2), POLKU_IDENTITY_MASTER_KEY_ID: 'k2', POLKU_IDENTITY_OLD_MASTER_KEYS: `k1:${key(1)}, k0:${key(9)}` }).identity;
    expect(identity.masterKeyId).toBe('k2');
    expect([...identity.masterKeys.keys()]).toEqual(['k2', 'k1', 'k0']);
    expect(identity.masterKeys.get('k1')).toEqual(Buffer.alloc(32, 1));
    expect(identity.masterKey).toEqual(Buffer.alloc(32, 2));
  });

  it('has one key, k1, and a dev fingerprint key in local development', () => {
    const identity = loadConfig(LOCAL).identity;
    expect([identity.masterKeyId, [...identity.masterKeys.keys()], identity.fingerprintKey.length]).toEqual(['k1', ['k1'], 32]);
  });

  it.each([
    ['a key id used twice', { POLKU_IDENTITY_OLD_MASTER_KEYS: `k1:${key(1)}` }, /POLKU_IDENTITY_OLD_MASTER_KEYS/],
    ['a retired key that is not 32 bytes', { POLKU_IDENTITY_OLD_MASTER_KEYS: `k0:${Buffer.alloc(16).toString('base64')}` }, /POLKU_IDENTITY_OLD_MASTER_KEYS/],
    ['an entry without an id', { POLKU_IDENTITY_OLD_MASTER_KEYS: key(1) }, /POLKU_IDENTITY_OLD_MASTER_KEYS/],
    ['a key id with a space', { POLKU_IDENTITY_MASTER_KEY_ID: 'k 2' }, /POLKU_IDENTITY_MASTER_KEY_ID/],
    ['a fingerprint key equal to a master key', { POLKU_IDENTITY_MASTER_KEY: key(3), POLKU_IDENTITY_FINGERPRINT_KEY: key(3) }, /POLKU_IDENTITY_FINGERPRINT_KEY/],
  ])('refuses %s, without echoing a key', (_, env, variable) => {
    const read = () => loadConfig({ ...LOCAL, ...env }).identity;
    expect(read).toThrow(variable);
    expect(read).not.toThrow(new RegExp(key(1).slice(0, 8)));
  });

  it('needs a fingerprint key of its own outside local development', () => {
    const deployed = { DATABASE_URL: 'postgres://owner:secret@db.example:5432/polku', POLKU_IDENTITY_MASTER_KEY: key(5) };
    expect(() => loadConfig(deployed).identity).toThrow(/POLKU_IDENTITY_FINGERPRINT_KEY/);
    const devKey = Buffer.from('polku-local-dev-fingerprint-0001').toString('base64');
    expect(() => loadConfig({ ...deployed, POLKU_IDENTITY_FINGERPRINT_KEY: devKey }).identity).toThrow(/POLKU_IDENTITY_FINGERPRINT_KEY/);
    expect(loadConfig({ ...deployed, POLKU_IDENTITY_FINGERPRINT_KEY: key(6) }).identity.fingerprintKey).toEqual(Buffer.alloc(32, 6));
  });
});
