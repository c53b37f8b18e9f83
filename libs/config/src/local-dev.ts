import { ConfigError } from './config-error';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The one switch that lets public development values (the dev issuer, the dev master key, the
 * dev passwords) work. `npm start`, `npm test` and the `npm run` scripts set it for every process
 * they start (infra/polku); a deployment never does, so anything it leaves out fails closed.
 */
export const LOCAL_DEV_FLAG = 'POLKU_LOCAL_DEV';

const HINT = `${LOCAL_DEV_FLAG}=true, which npm start and npm test set`;

/** `true` or `false` (unset: `fallback`); anything else is refused rather than guessed at. */
export function booleanSetting(env: Env, variable: string, fallback: boolean): boolean {
  const raw = env[variable];
  if (raw === undefined) return fallback;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(variable, 'must be true or false');
  return raw === 'true';
}

/** Whether local development was asked for; never together with NODE_ENV=production. */
export function isLocalDev(env: Env): boolean {
  const local = booleanSetting(env, LOCAL_DEV_FLAG, false);
  if (local && env['NODE_ENV'] === 'production') throw new ConfigError(LOCAL_DEV_FLAG, 'cannot be true with NODE_ENV=production');
  return local;
}

/** The variable's value; its development default only in local development, else a refusal naming it. */
export function devDefault(env: Env, local: boolean, variable: string, fallback: string, what = 'its default'): string {
  const value = env[variable];
  if (value !== undefined) return value;
  if (local) return fallback;
  throw new ConfigError(variable, `must be set: ${what} is for local development only (${HINT})`);
}

/** Refuses a value anyone can read in this repository, outside local development. */
export function refuseDevValue(local: boolean, variable: string, isDevValue: boolean): void {
  if (!local && isDevValue) {
    throw new ConfigError(variable, `is the public local-development value; give a secret of your own (dev values work only with ${HINT})`);
  }
}

/** Something only local development may switch on (the dev issuer). */
export function localOnly(local: boolean, variable: string, on: boolean): boolean {
  if (on && !local) throw new ConfigError(variable, `may be true only in local development (${HINT}); set it to false or leave it out`);
  return on;
}
