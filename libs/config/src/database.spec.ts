import { ConfigError } from './config-error';
import { loadConfig } from './config';
import { loadDatabaseSettings } from './database';
import { DATABASE_APPS, databaseRoleOf, databaseUrlFor } from './database-roles';

const LOCAL = { POLKU_LOCAL_DEV: 'true' };

describe('database roles', () => {
  it('gives every app a role of its own, on DATABASE_URL’s server and database', () => {
    const config = loadConfig({ ...LOCAL, DATABASE_URL: 'postgres://owner:owner-secret@db.internal:6432/polku?application_name=x' });
    expect(DATABASE_APPS.map((app) => databaseUrlFor(config, app))).toEqual([
      'postgres://polku_api:polku-api-dev@db.internal:6432/polku?application_name=x',
      'postgres://polku_worker:polku-worker-dev@db.internal:6432/polku?application_name=x',
      'postgres://polku_relay:polku-relay-dev@db.internal:6432/polku?application_name=x',
      'postgres://polku_municipal_consumer:polku-municipal-consumer-dev@db.internal:6432/polku?application_name=x',
      'postgres://polku_wellbeing_consumer:polku-wellbeing-consumer-dev@db.internal:6432/polku?application_name=x',
    ]);
    expect(DATABASE_APPS.map(databaseRoleOf)).toEqual(['polku_api', 'polku_worker', 'polku_relay', 'polku_municipal_consumer', 'polku_wellbeing_consumer']);
  });

  it('percent-encodes a password so the URL still parses to it', () => {
    const config = loadConfig({ ...LOCAL, DATABASE_RELAY_PASSWORD: 'p@ss:w/rd%' });
    expect(decodeURIComponent(new URL(databaseUrlFor(config, 'relay')).password)).toBe('p@ss:w/rd%');
  });

  it.each([
    ['DATABASE_URL', 'mysql://db/polku'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'postgres://db/polku?sslmode=disable'],
    ['DATABASE_URL', 'postgres://db/polku?sslrootcert=/tmp/ca.pem'],
    ['DATABASE_WORKER_PASSWORD', 'has space'],
    ['DATABASE_API_PASSWORD', ''],
  ])('rejects %s=%j with the variable named', (variable, value) => {
    expect(() => loadConfig({ ...LOCAL, [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...LOCAL, [variable]: value })).toThrow(new RegExp(variable));
  });

  it('refuses a URL without a host, which would log every app in as whoever runs it', () => {
    const config = loadConfig({ ...LOCAL, DATABASE_URL: 'postgres:///polku' });
    expect(() => databaseUrlFor(config, 'api')).toThrow(/DATABASE_URL/);
  });
});

describe('database settings', () => {
  const VARIABLES = ['DATABASE_CONNECT_TIMEOUT_MS', 'DATABASE_STATEMENT_TIMEOUT_MS', 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 'DATABASE_KEEPALIVE_DELAY_MS', 'DATABASE_POOL_IDLE_TIMEOUT_MS'];

  it('bounds every database call by default', () => {
    expect(loadConfig(LOCAL).database).toEqual({
      connectTimeoutMs: 10_000,
      statementTimeoutMs: 30_000,
      idleInTransactionTimeoutMs: 60_000,
      keepAliveDelayMs: 10_000,
      poolIdleTimeoutMs: 30_000,
    });
  });

  it('reads each bound from its DATABASE_*_MS variable', () => {
    const env = Object.fromEntries(VARIABLES.map((variable, i) => [variable, String(1_000 * (i + 1))]));
    expect(loadConfig({ ...LOCAL, ...env }).database).toEqual({
      connectTimeoutMs: 1_000,
      statementTimeoutMs: 2_000,
      idleInTransactionTimeoutMs: 3_000,
      keepAliveDelayMs: 4_000,
      poolIdleTimeoutMs: 5_000,
    });
    expect(loadDatabaseSettings(env)).toEqual(loadConfig({ ...LOCAL, ...env }).database);
  });

  it.each(VARIABLES.flatMap((variable) => ['0', '-5', '1.5', 'ten', '', '86400001'].map((value) => [variable, value])))(
    'rejects %s=%j with the variable named',
    (variable, value) => {
      expect(() => loadConfig({ ...LOCAL, [variable]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ ...LOCAL, [variable]: value })).toThrow(new RegExp(variable));
    },
  );

  // A transaction may wait between its statements on a query elsewhere (the projection rebuild
  // reads the log on another connection): that wait is bounded by the statement timeout.
  it('refuses an idle-in-transaction timeout that is not above the statement timeout', () => {
    const attempt = () => loadConfig({ ...LOCAL, DATABASE_STATEMENT_TIMEOUT_MS: '60000', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '60000' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS/);
    expect(loadConfig({ ...LOCAL, DATABASE_STATEMENT_TIMEOUT_MS: '59999', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '60000' }).database.statementTimeoutMs).toBe(59_999);
  });
});
