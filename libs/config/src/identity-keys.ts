import { ConfigError } from './config-error';
import type { IdentitySettings } from './identity';
import { once } from './lazy';
import { devDefault, refuseDevValue, type Env } from './local-dev';

/**
 * The identity vault's keys beyond the current master key (docs/erasure.md).
 *
 * - Master keys are versioned: each wrapped client key records the id of the master key that
 *   wrapped it, readers accept every configured key, and `npm run keys:rotate` re-wraps rows
 *   under the current one. A retired key stays in POLKU_IDENTITY_OLD_MASTER_KEYS until the
 *   rotation has finished, then goes.
 * - The fingerprint key keys the HMAC kept for an erased client whose path is still active (the
 *   one-active-path rule). It is not rotated with the master keys: an erased code cannot be
 *   fingerprinted again under a new key.
 */
export interface IdentityKeySettings {
  /** Id of the master key new client keys are wrapped with (POLKU_IDENTITY_MASTER_KEY_ID). */
  readonly masterKeyId: string;
  /** Every master key readers accept, by id: the current one first, then retired ones. */
  readonly masterKeys: ReadonlyMap<string, Buffer>;
  /** 32 bytes (POLKU_IDENTITY_FINGERPRINT_KEY). */
  readonly fingerprintKey: Buffer;
}

export const DEFAULT_MASTER_KEY_ID = 'k1';
const KEY_ID = /^[A-Za-z0-9._-]{1,32}$/;
const KEY_BYTES = 32;
const FINGERPRINT = 'POLKU_IDENTITY_FINGERPRINT_KEY';
const OLD_KEYS = 'POLKU_IDENTITY_OLD_MASTER_KEYS';
// Local development only, like the dev master key: a key anyone can read is no secret.
const DEV_FINGERPRINT_KEY = Buffer.from('polku-local-dev-fingerprint-0001', 'utf8').toString('base64');

/** The hook in config.ts: the identity settings, with the keyring and fingerprint key, resolved on first read. */
export function withIdentityKeys(env: Env, local: boolean, identity: () => IdentitySettings): () => IdentitySettings & IdentityKeySettings {
  return once(() => {
    const settings = identity();
    return { ...settings, ...identityKeys(env, local, settings.masterKey) };
  });
}

function identityKeys(env: Env, local: boolean, currentMasterKey: Buffer): IdentityKeySettings {
  const masterKeyId = env['POLKU_IDENTITY_MASTER_KEY_ID'] ?? DEFAULT_MASTER_KEY_ID;
  if (!KEY_ID.test(masterKeyId)) throw new ConfigError('POLKU_IDENTITY_MASTER_KEY_ID', `must match ${KEY_ID.source}`);
  const masterKeys = new Map<string, Buffer>([[masterKeyId, currentMasterKey]]);
  for (const [id, key] of oldMasterKeys(env)) {
    if (masterKeys.has(id)) throw new ConfigError(OLD_KEYS, `names the key id ${id} twice, or the current one`);
    masterKeys.set(id, key);
  }
  const encoded = devDefault(env, local, FINGERPRINT, DEV_FINGERPRINT_KEY, 'the public dev fingerprint key');
  refuseDevValue(local, FINGERPRINT, encoded === DEV_FINGERPRINT_KEY);
  const fingerprintKey = key32(FINGERPRINT, encoded);
  if ([...masterKeys.values()].some((key) => key.equals(fingerprintKey))) throw new ConfigError(FINGERPRINT, 'must differ from every master key');
  return { masterKeyId, masterKeys, fingerprintKey };
}

/** `id:base64,id:base64` (base64 holds neither ':' nor ','). */
function oldMasterKeys(env: Env): [string, Buffer][] {
  return (env[OLD_KEYS] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const [id = '', encoded = '', ...rest] = entry.split(':');
      if (!KEY_ID.test(id) || rest.length > 0) throw new ConfigError(OLD_KEYS, 'must be a comma-separated list of id:base64');
      return [id, key32(OLD_KEYS, encoded)];
    });
}

function key32(variable: string, encoded: string): Buffer {
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== KEY_BYTES) throw new ConfigError(variable, `must hold base64 of exactly ${KEY_BYTES} bytes`);
  return key;
}
