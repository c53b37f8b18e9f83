import { ConfigError } from './config-error';
import { onceResolvedNowIf } from './lazy';
import { devDefault, refuseDevValue, type Env } from './local-dev';

/** Identity codes are sealed with per-client keys, which are wrapped with this master key. */
export interface IdentitySettings {
  /** 32 bytes (AES-256). */
  readonly masterKey: Buffer;
}

// Local development only: a key anyone can read is no secret. Set POLKU_IDENTITY_MASTER_KEY
// (base64 of 32 random bytes) anywhere real data is held.
const DEV_MASTER_KEY = Buffer.from('polku-local-development-key-0001', 'utf8').toString('base64');
const VARIABLE = 'POLKU_IDENTITY_MASTER_KEY';

/** Only the API holds the master key: a key given is checked at once, a missing one when read. */
export function identitySettings(env: Env, local: boolean): () => IdentitySettings {
  return onceResolvedNowIf(env[VARIABLE] !== undefined, () => {
    const encoded = devDefault(env, local, VARIABLE, DEV_MASTER_KEY, 'the public dev master key');
    refuseDevValue(local, VARIABLE, encoded === DEV_MASTER_KEY);
    const masterKey = Buffer.from(encoded, 'base64');
    if (masterKey.length !== 32) throw new ConfigError(VARIABLE, 'must be base64 of exactly 32 bytes');
    return { masterKey };
  });
}
