import type { Pool } from 'pg';
import { scramSha256Verifier } from './scram-verifier';
import { inTransaction } from './transaction';

export interface AppLogin {
  /** One of the roles migration 0012_app_roles.sql creates (`polku_api`, …). */
  readonly role: string;
  readonly password: string;
}

// Any fixed 64-bit number, other than the migrations' lock.
const LOGINS_LOCK_KEY = 7_304_151_221n;
const APP_ROLE = /^polku_[a-z_]+$/;
const VERIFIER = /^SCRAM-SHA-256\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/;

/**
 * Lets each app role log in with its password (as a SCRAM verifier, never the password itself).
 * Run as the owner after `migrate()`: locally by npm start with the dev passwords; in a
 * deployment by its migration job with each app's secret, or by the DBA. Serialised, since two
 * sessions altering one role at once fail with "tuple concurrently updated".
 */
export async function ensureAppLogins(pool: Pool, logins: readonly AppLogin[]): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOGINS_LOCK_KEY.toString()]);
    for (const { role, password } of logins) {
      if (!APP_ROLE.test(role)) throw new Error(`${role} is not an app role`);
      const verifier = scramSha256Verifier(password);
      if (!VERIFIER.test(verifier)) throw new Error('unexpected SCRAM verifier');
      // ALTER ROLE takes no parameters: both parts are checked above to need no quoting.
      await client.query(`ALTER ROLE ${role} WITH LOGIN PASSWORD '${verifier}'`);
    }
  });
}
