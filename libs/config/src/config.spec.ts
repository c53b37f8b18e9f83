import { loadConfig } from './config';
import { refusal } from './testing/refusal';
import { databaseUrlFor } from './database-roles';
import { kafkaFor } from './kafka';

/** What npm start and npm test give every process. */
const LOCAL = { POLKU_LOCAL_DEV: 'true', AUTH_DEV_ISSUER: 'true' };
const KEY = Buffer.alloc(32, 9).toString('base64');
/** The API of a real deployment: its own secrets, nobody else's. */
const DEPLOYED_API = {
  DATABASE_URL: 'postgres://db.example:5432/polku',
  DATABASE_API_PASSWORD: 'api-db-secret-1',
  KAFKA_API_PASSWORD: 'api-kafka-secret-1',
  POLKU_IDENTITY_MASTER_KEY: KEY,
  POLKU_IDENTITY_FINGERPRINT_KEY: Buffer.alloc(32, 8).toString('base64'),
  AUTH_ISSUER: 'https://idp.example/',
  AUTH_JWKS_URL: 'https://idp.example/jwks',
};

describe('loadConfig in local development', () => {
  it('defaults to the loopback services npm start brings up', () => {
    const config = loadConfig(LOCAL);
    expect(config.databaseUrl).toBe('postgres://polku:polku@127.0.0.1:5432/polku');
    expect(config.temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'default' });
    expect(config.kafka.brokers).toEqual(['127.0.0.1:9092']);
    expect(config.api).toEqual({ host: '127.0.0.1', port: 3000, metrics: true });
  });

  it('accepts the dev issuer, the dev master key and the dev passwords only with POLKU_LOCAL_DEV=true', () => {
    const config = loadConfig(LOCAL);
    expect(config.localDev).toBe(true);
    expect(config.auth).toMatchObject({ issuer: 'http://127.0.0.1:3000/dev-issuer', jwksUrl: 'http://127.0.0.1:3000/dev-issuer/jwks', devIssuer: true });
    expect(config.identity.masterKey.toString('utf8')).toBe('polku-local-development-key-0001');
    expect(databaseUrlFor(config, 'worker')).toBe('postgres://polku_worker:polku-worker-dev@127.0.0.1:5432/polku');
    expect(kafkaFor(config, 'api').sasl).toEqual({ mechanism: 'scram-sha-512', username: 'api', password: 'polku-api-dev' });
    expect([config.databaseTls.mode, config.kafka.ssl, config.temporal.tls]).toEqual(['disable', undefined, undefined]);
  });

  it('keeps the dev issuer off unless AUTH_DEV_ISSUER=true asks for it', () => {
    expect(loadConfig({ POLKU_LOCAL_DEV: 'true' }).auth.devIssuer).toBe(false);
  });

  it('sizes the worker\'s workflow cache from WORKER_MAX_CACHED_WORKFLOWS, refusing what is not a whole number', () => {
    expect(loadConfig(LOCAL).worker.maxCachedWorkflows).toBe(600);
    expect(loadConfig({ ...LOCAL, WORKER_MAX_CACHED_WORKFLOWS: '30000' }).worker.maxCachedWorkflows).toBe(30_000);
    expect(refusal(() => loadConfig({ ...LOCAL, WORKER_MAX_CACHED_WORKFLOWS: '0' })).variable).toBe('WORKER_MAX_CACHED_WORKFLOWS');
  });

  it('gives the downstream consumers their own ports, overridable by environment', () => {
    expect([loadConfig(LOCAL).municipalConsumer.port, loadConfig(LOCAL).wellbeingConsumer.port]).toEqual([3300, 3400]);
    const config = loadConfig({ ...LOCAL, MUNICIPAL_CONSUMER_PORT: '4300', WELLBEING_CONSUMER_PORT: '4400' });
    expect([config.municipalConsumer.port, config.wellbeingConsumer.port]).toEqual([4300, 4400]);
    expect(() => loadConfig({ ...LOCAL, WELLBEING_CONSUMER_PORT: '0' })).toThrow(/WELLBEING_CONSUMER_PORT/);
  });

  it.each(['0', '65536', '80.5', 'http'])('rejects API_PORT=%s with the variable named', (value) => {
    expect(refusal(() => loadConfig({ ...LOCAL, API_PORT: value })).variable).toBe('API_PORT');
  });

  it('has the local training area while the dev issuer is on, none otherwise unless named', () => {
    expect(loadConfig(LOCAL).trainingAreas).toEqual(['Harjoitusalue']);
    expect(loadConfig({ POLKU_LOCAL_DEV: 'true' }).trainingAreas).toEqual([]);
    expect(loadConfig({ ...DEPLOYED_API, TRAINING_AREAS: 'Koulutus A, Koulutus B' }).trainingAreas).toEqual(['Koulutus A', 'Koulutus B']);
  });
});

describe('loadConfig outside local development (fails closed)', () => {
  it('starts a deployed API that was given its own secrets, with TLS on and /metrics off', () => {
    const config = loadConfig(DEPLOYED_API);
    expect(config.localDev).toBe(false);
    expect(databaseUrlFor(config, 'api')).toBe('postgres://polku_api:api-db-secret-1@db.example:5432/polku');
    expect(kafkaFor(config, 'api').sasl?.password).toBe('api-kafka-secret-1');
    expect([config.auth.devIssuer, config.identity.masterKey.equals(Buffer.from(KEY, 'base64'))]).toEqual([false, true]);
    expect([config.databaseTls.mode, kafkaFor(config, 'api').ssl, config.temporal.tls]).toEqual(['verify-full', {}, {}]);
    expect(config.api.metrics).toBe(false);
    expect(loadConfig({ ...DEPLOYED_API, API_METRICS: 'true' }).api.metrics).toBe(true);
  });

  it.each([{}, { NODE_ENV: 'production' }, { NODE_ENV: 'prod' }, { NODE_ENV: 'staging' }, { POLKU_LOCAL_DEV: 'false' }])(
    'refuses to start the dev issuer with %j',
    (extra) => {
      const error = refusal(() => loadConfig({ ...DEPLOYED_API, ...extra, AUTH_DEV_ISSUER: 'true' }));
      expect(error.variable).toBe('AUTH_DEV_ISSUER');
      expect(error.message).toMatch(/POLKU_LOCAL_DEV=true/);
    },
  );

  it('refuses POLKU_LOCAL_DEV=true under NODE_ENV=production, and anything but true or false', () => {
    expect(refusal(() => loadConfig({ ...LOCAL, NODE_ENV: 'production' })).variable).toBe('POLKU_LOCAL_DEV');
    expect(refusal(() => loadConfig({ POLKU_LOCAL_DEV: '1' })).variable).toBe('POLKU_LOCAL_DEV');
    expect(refusal(() => loadConfig({ ...LOCAL, AUTH_DEV_ISSUER: 'yes' })).variable).toBe('AUTH_DEV_ISSUER');
  });

  it('refuses to fall back to the local database, and refuses the dev owner password', () => {
    const { DATABASE_URL: _url, ...withoutUrl } = DEPLOYED_API;
    expect(refusal(() => loadConfig(withoutUrl)).variable).toBe('DATABASE_URL');
    const error = refusal(() => loadConfig({ ...DEPLOYED_API, DATABASE_URL: 'postgres://polku:polku@db.example:5432/polku' }));
    expect([error.variable, error.message.includes('polku:polku@')]).toEqual(['DATABASE_URL', false]);
  });

  it('refuses to fall back to the public dev master key, or to take it when given', () => {
    const { POLKU_IDENTITY_MASTER_KEY: _key, ...withoutKey } = DEPLOYED_API;
    const config = loadConfig(withoutKey);
    expect(refusal(() => config.identity).variable).toBe('POLKU_IDENTITY_MASTER_KEY');
    const dev = Buffer.from('polku-local-development-key-0001').toString('base64');
    expect(refusal(() => loadConfig({ ...DEPLOYED_API, POLKU_IDENTITY_MASTER_KEY: dev })).variable).toBe('POLKU_IDENTITY_MASTER_KEY');
  });

  it.each(['AUTH_ISSUER', 'AUTH_JWKS_URL'])('refuses to fall back to the dev issuer for %s', (variable) => {
    expect(refusal(() => loadConfig({ ...DEPLOYED_API, [variable]: undefined }).auth).variable).toBe(variable);
  });

  it('refuses a JWKS URL that is not https', () => {
    expect(refusal(() => loadConfig({ ...DEPLOYED_API, AUTH_JWKS_URL: 'http://idp.example/jwks' })).variable).toBe('AUTH_JWKS_URL');
    expect(loadConfig({ ...LOCAL, AUTH_JWKS_URL: 'http://127.0.0.1:3000/dev-issuer/jwks' }).auth.jwksUrl).toMatch(/^http:/);
  });

  it.each(['worker', 'relay', 'municipal-consumer', 'wellbeing-consumer'] as const)('refuses to connect %s without its own database password', (app) => {
    const config = loadConfig(DEPLOYED_API);
    const variable = `DATABASE_${app.toUpperCase().replace('-', '_')}_PASSWORD`;
    expect(refusal(() => databaseUrlFor(config, app)).variable).toBe(variable);
    expect(refusal(() => loadConfig({ ...DEPLOYED_API, [variable]: `polku-${app}-dev` })).variable).toBe(variable);
  });

  it.each(['admin', 'relay', 'municipal', 'wellbeing'] as const)('refuses Kafka as %s without its own password', (principal) => {
    const config = loadConfig(DEPLOYED_API);
    const variable = `KAFKA_${principal.toUpperCase()}_PASSWORD`;
    expect(refusal(() => kafkaFor(config, principal)).variable).toBe(variable);
    expect(refusal(() => loadConfig({ ...DEPLOYED_API, [variable]: `polku-${principal}-dev` })).variable).toBe(variable);
  });

  it('refuses the admin principal to whoever reads config.kafka without its password', () => {
    expect(refusal(() => loadConfig(DEPLOYED_API).kafka).variable).toBe('KAFKA_ADMIN_PASSWORD');
  });

  it('refuses an unauthenticated Kafka connection', () => {
    expect(refusal(() => loadConfig({ ...DEPLOYED_API, KAFKA_SASL_MECHANISM: 'none' })).variable).toBe('KAFKA_SASL_MECHANISM');
    expect(loadConfig({ ...LOCAL, KAFKA_SASL_MECHANISM: 'none' }).kafka.sasl).toBeUndefined();
  });

  it('never echoes a refused secret', () => {
    const secrets = { DATABASE_API_PASSWORD: 'has space', POLKU_IDENTITY_MASTER_KEY: Buffer.alloc(16, 7).toString('base64') };
    for (const [variable, value] of Object.entries(secrets)) {
      const error = refusal(() => loadConfig({ ...DEPLOYED_API, [variable]: value }));
      expect([error.variable, error.message.includes(value)]).toEqual([variable, false]);
    }
  });
});
