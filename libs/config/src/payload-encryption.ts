import { ConfigError } from './config-error';
import { list } from './kafka';
import { onceResolvedNowIf } from './lazy';
import { refuseDevValue, type Env } from './local-dev';

/**
 * Temporal payload encryption (docs/payload-encryption.md): the keyring every Temporal client
 * and worker encrypts with, and who may ask the API's codec endpoint to decrypt from a browser.
 */
export interface PayloadEncryptionSettings {
  /** Id of the key new payloads are encrypted with (POLKU_PAYLOAD_KEY_ID). */
  readonly currentKeyId: string;
  /** Every key payloads may be decrypted with, by id (POLKU_PAYLOAD_KEYS); 32 bytes each. */
  readonly keys: ReadonlyMap<string, Buffer>;
  /** Browser origins (the Temporal UI) allowed to call the codec endpoint (POLKU_CODEC_UI_ORIGINS). */
  readonly codecUiOrigins: readonly string[];
}

const KEYS = 'POLKU_PAYLOAD_KEYS';
const KEY_ID = 'POLKU_PAYLOAD_KEY_ID';
const ORIGINS = 'POLKU_CODEC_UI_ORIGINS';
const ID_SHAPE = /^[A-Za-z0-9._-]{1,32}$/;
const KEY_BYTES = 32;
// Local development only: a key anyone can read is no secret, so whatever it encrypts isn't either.
export const DEV_PAYLOAD_KEY_ID = 'local-dev';
const DEV_PAYLOAD_KEY = Buffer.from('polku-local-dev-payload-key-0001', 'utf8');
// The UI `npm start` runs (temporal server start-dev --ui-port 8233).
const DEV_UI_ORIGIN = 'http://127.0.0.1:8233';

/** The worker, the API and tools that talk to Temporal read it: checked at once when given, else when first read. */
export function payloadEncryptionSettings(env: Env, local: boolean): () => PayloadEncryptionSettings {
  const given = [KEYS, KEY_ID, ORIGINS].some((variable) => env[variable] !== undefined);
  return onceResolvedNowIf(given, () => {
    const keys = keyring(env, local);
    return { currentKeyId: currentKeyId(env, keys), keys, codecUiOrigins: origins(env, local) };
  });
}

function keyring(env: Env, local: boolean): Map<string, Buffer> {
  const raw = env[KEYS];
  if (raw === undefined) {
    if (!local) throw new ConfigError(KEYS, `must be set (id:base64 of ${KEY_BYTES} bytes, comma-separated): the public dev payload key is for local development only (POLKU_LOCAL_DEV=true, which npm start and npm test set)`);
    return new Map([[DEV_PAYLOAD_KEY_ID, DEV_PAYLOAD_KEY]]);
  }
  const keys = new Map<string, Buffer>();
  for (const entry of list(raw)) {
    const [id = '', encoded = '', ...rest] = entry.split(':');
    if (!ID_SHAPE.test(id) || rest.length > 0) throw new ConfigError(KEYS, `must be a comma-separated list of id:base64, each id matching ${ID_SHAPE.source}`);
    if (keys.has(id)) throw new ConfigError(KEYS, `names the key id ${id} twice`);
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES || key.toString('base64') !== encoded) throw new ConfigError(KEYS, `key ${id} must be base64 of exactly ${KEY_BYTES} bytes`);
    refuseDevValue(local, KEYS, key.equals(DEV_PAYLOAD_KEY));
    keys.set(id, key);
  }
  if (keys.size === 0) throw new ConfigError(KEYS, 'must name at least one key');
  return keys;
}

/** With one key it is the current one; with several (a rotation under way) the id must be given. */
function currentKeyId(env: Env, keys: ReadonlyMap<string, Buffer>): string {
  const id = env[KEY_ID] ?? (keys.size === 1 ? [...keys.keys()][0] : undefined);
  if (id === undefined) throw new ConfigError(KEY_ID, `must be set when ${KEYS} holds more than one key: it names the key new payloads are encrypted with`);
  if (!keys.has(id)) throw new ConfigError(KEY_ID, `must name one of the keys in ${KEYS}`);
  return id;
}

function origins(env: Env, local: boolean): string[] {
  const values = list(env[ORIGINS] ?? (local ? DEV_UI_ORIGIN : ''));
  for (const value of values) {
    if (!/^https?:\/\/[^/\s]+$/.test(value)) throw new ConfigError(ORIGINS, 'must be a comma-separated list of origins (scheme://host[:port], no path)');
  }
  return values;
}
