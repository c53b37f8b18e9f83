import { loadConfig } from '@polku/config';
import { createPool } from './pool';

/**
 * TLS is enforced, never negotiated away: the local cluster offers no TLS, so a pool that must
 * verify the server (DATABASE_SSL_MODE=verify-full, the default outside local development)
 * refuses it rather than falling back to plain TCP.
 */
const { databaseUrl } = loadConfig();

it('with verify-full, refuses a server that offers no TLS instead of talking in the clear', async () => {
  const pool = createPool(databaseUrl, { max: 1, tls: { mode: 'verify-full' } });
  try {
    await expect(pool.query('SELECT 1')).rejects.toThrow(/does not support SSL/);
  } finally {
    await pool.end();
  }
});

it('with disable (local development), talks to the same server', async () => {
  const pool = createPool(databaseUrl, { max: 1, tls: { mode: 'disable' } });
  try {
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  } finally {
    await pool.end();
  }
});
