import { ConfigError, kafkaFor, loadConfig, loadDatabaseSettings } from './config';

describe('loadConfig', () => {
  it('defaults to the loopback services npm start brings up', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('postgres://polku:polku@127.0.0.1:5432/polku');
    expect(config.temporal.address).toBe('127.0.0.1:7233');
    expect(config.kafka.brokers).toEqual(['127.0.0.1:9092']);
    expect(config.api.port).toBe(3000);
  });

  it('gives the downstream consumers their own ports, overridable by environment', () => {
    expect(loadConfig({}).municipalConsumer.port).toBe(3300);
    expect(loadConfig({}).wellbeingConsumer.port).toBe(3400);
    const config = loadConfig({ MUNICIPAL_CONSUMER_PORT: '4300', WELLBEING_CONSUMER_PORT: '4400' });
    expect([config.municipalConsumer.port, config.wellbeingConsumer.port]).toEqual([4300, 4400]);
    expect(() => loadConfig({ WELLBEING_CONSUMER_PORT: '0' })).toThrow(/WELLBEING_CONSUMER_PORT/);
  });

  it('reads a comma-separated broker list and trims it', () => {
    expect(loadConfig({ KAFKA_BROKERS: ' a:1, b:2 ,' }).kafka.brokers).toEqual(['a:1', 'b:2']);
  });

  it.each(['0', '65536', '80.5', 'http'])('rejects API_PORT=%s with the variable named', (value) => {
    expect(() => loadConfig({ API_PORT: value })).toThrow(ConfigError);
    expect(() => loadConfig({ API_PORT: value })).toThrow(/API_PORT/);
  });
});

describe('Kafka principals', () => {
  it('connects as the admin principal by default, with the local dev credentials', () => {
    expect(loadConfig({}).kafka).toEqual({
      brokers: ['127.0.0.1:9092'],
      clientId: 'polku',
      sasl: { mechanism: 'scram-sha-512', username: 'admin', password: 'polku-admin-dev' },
    });
  });

  it.each(['admin', 'relay', 'municipal', 'wellbeing'] as const)('gives %s its own dev user and password', (principal) => {
    expect(kafkaFor(loadConfig({}), principal).sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: principal,
      password: `polku-${principal}-dev`,
    });
  });

  it('reads each principal from KAFKA_<PRINCIPAL>_USERNAME and _PASSWORD, keeping brokers and client id', () => {
    const config = loadConfig({
      KAFKA_BROKERS: 'k1:9092',
      KAFKA_MUNICIPAL_USERNAME: 'hameenlinna-area',
      KAFKA_MUNICIPAL_PASSWORD: 's3cret!',
    });
    expect(kafkaFor(config, 'municipal')).toEqual({
      brokers: ['k1:9092'],
      clientId: 'polku',
      sasl: { mechanism: 'scram-sha-512', username: 'hameenlinna-area', password: 's3cret!' },
    });
    expect(kafkaFor(config, 'wellbeing').sasl?.username).toBe('wellbeing');
  });

  it('connects without SASL for every principal when KAFKA_SASL_MECHANISM=none', () => {
    const config = loadConfig({ KAFKA_SASL_MECHANISM: 'none' });
    expect(config.kafka.sasl).toBeUndefined();
    expect(kafkaFor(config, 'relay').sasl).toBeUndefined();
  });

  it.each([
    ['KAFKA_SASL_MECHANISM', 'plain'],
    ['KAFKA_RELAY_PASSWORD', 'has "quotes"'],
    ['KAFKA_RELAY_PASSWORD', ''],
    ['KAFKA_WELLBEING_USERNAME', 'user,name'],
  ])('rejects %s=%j with the variable named', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(variable));
  });

  it('does not echo a rejected password', () => {
    const attempt = () => loadConfig({ KAFKA_ADMIN_PASSWORD: 'almost "right"' });
    expect(attempt).toThrow(/KAFKA_ADMIN_PASSWORD/);
    expect(attempt).not.toThrow(/almost/);
  });
});

describe('auth and identity settings', () => {
  it('points at the API’s own dev issuer by default', () => {
    const { auth } = loadConfig({ API_PORT: '4000' });
    expect(auth).toMatchObject({
      issuer: 'http://127.0.0.1:4000/dev-issuer',
      audience: 'polku-api',
      jwksUrl: 'http://127.0.0.1:4000/dev-issuer/jwks',
      devIssuer: true,
    });
  });

  it('takes a real issuer from the environment and can turn the dev issuer off', () => {
    const { auth } = loadConfig({ AUTH_ISSUER: 'https://idp.example/', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_DEV_ISSUER: 'false' });
    expect([auth.issuer, auth.jwksUrl, auth.devIssuer]).toEqual(['https://idp.example/', 'https://idp.example/jwks', false]);
  });

  it('needs a 32-byte master key and does not echo a wrong one', () => {
    expect(loadConfig({}).identity.masterKey).toHaveLength(32);
    const short = Buffer.alloc(16, 7).toString('base64');
    expect(() => loadConfig({ POLKU_IDENTITY_MASTER_KEY: short })).toThrow(/POLKU_IDENTITY_MASTER_KEY/);
    expect(() => loadConfig({ POLKU_IDENTITY_MASTER_KEY: short })).not.toThrow(new RegExp(short.slice(0, 8)));
  });
});

describe('training areas', () => {
  it('has the local training area while the dev issuer is on, none otherwise unless named', () => {
    expect(loadConfig({}).trainingAreas).toEqual(['Harjoitusalue']);
    expect(loadConfig({ AUTH_DEV_ISSUER: 'false' }).trainingAreas).toEqual([]);
    expect(loadConfig({ AUTH_DEV_ISSUER: 'false', TRAINING_AREAS: 'Koulutus A, Koulutus B' }).trainingAreas).toEqual(['Koulutus A', 'Koulutus B']);
  });
});

describe('production', () => {
  const real = { NODE_ENV: 'production', AUTH_DEV_ISSUER: 'false', POLKU_IDENTITY_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') };

  it('refuses the dev issuer and the public dev master key', () => {
    expect(() => loadConfig({ ...real, AUTH_DEV_ISSUER: 'true' })).toThrow(/AUTH_DEV_ISSUER/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_DEV_ISSUER: 'false' })).toThrow(/POLKU_IDENTITY_MASTER_KEY/);
    expect(loadConfig(real).auth.devIssuer).toBe(false);
  });
});

describe('database settings', () => {
  const VARIABLES = ['DATABASE_CONNECT_TIMEOUT_MS', 'DATABASE_STATEMENT_TIMEOUT_MS', 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 'DATABASE_KEEPALIVE_DELAY_MS', 'DATABASE_POOL_IDLE_TIMEOUT_MS'];

  it('bounds every database call by default', () => {
    expect(loadConfig({}).database).toEqual({
      connectTimeoutMs: 10_000,
      statementTimeoutMs: 30_000,
      idleInTransactionTimeoutMs: 60_000,
      keepAliveDelayMs: 10_000,
      poolIdleTimeoutMs: 30_000,
    });
  });

  it('reads each bound from its DATABASE_*_MS variable', () => {
    const env = Object.fromEntries(VARIABLES.map((variable, i) => [variable, String(1_000 * (i + 1))]));
    expect(loadConfig(env).database).toEqual({
      connectTimeoutMs: 1_000,
      statementTimeoutMs: 2_000,
      idleInTransactionTimeoutMs: 3_000,
      keepAliveDelayMs: 4_000,
      poolIdleTimeoutMs: 5_000,
    });
    expect(loadDatabaseSettings(env)).toEqual(loadConfig(env).database);
  });

  it.each(VARIABLES.flatMap((variable) => ['0', '-5', '1.5', 'ten', '', '86400001'].map((value) => [variable, value])))(
    'rejects %s=%j with the variable named',
    (variable, value) => {
      expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(variable));
    },
  );

  // A transaction may wait between its statements on a query elsewhere (the projection rebuild
  // reads the log on another connection): that wait is bounded by the statement timeout.
  it('refuses an idle-in-transaction timeout that is not above the statement timeout', () => {
    const attempt = () => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '60000', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '60000' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS/);
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '59999', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '60000' }).database.statementTimeoutMs).toBe(59_999);
  });
});
