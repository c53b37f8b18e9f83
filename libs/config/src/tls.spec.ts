import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './config';
import { kafkaFor } from './kafka';
import { loadDatabaseTls } from './tls';

const LOCAL = { POLKU_LOCAL_DEV: 'true' };
let dir: string;
const pemFile = (name: string): string => {
  const file = join(dir, name);
  writeFileSync(file, `-----BEGIN ${name.toUpperCase()}-----\nMIIB\n-----END ${name.toUpperCase()}-----\n`);
  return file;
};

beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'polku-tls-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PostgreSQL TLS', () => {
  it('is off on the local loopback cluster and verify-full anywhere else', () => {
    expect(loadDatabaseTls(LOCAL)).toEqual({ mode: 'disable' });
    expect(loadDatabaseTls({})).toEqual({ mode: 'verify-full' });
  });

  it('trusts the CA named by DATABASE_SSL_CA', () => {
    const ca = pemFile('ca');
    expect(loadDatabaseTls({ DATABASE_SSL_MODE: 'verify-full', DATABASE_SSL_CA: ca })).toEqual({ mode: 'verify-full', ca: '-----BEGIN CA-----\nMIIB\n-----END CA-----\n' });
  });

  it.each<[Record<string, string>, string]>([
    [{ DATABASE_SSL_MODE: 'require' }, 'DATABASE_SSL_MODE'],
    [{ DATABASE_SSL_CA: '/nonexistent/ca.pem' }, 'DATABASE_SSL_CA'],
    [{ DATABASE_SSL_MODE: 'disable', DATABASE_SSL_CA: 'ca' }, 'DATABASE_SSL_CA'],
  ])('refuses %j naming %s', (env, variable) => {
    const resolved = { ...env, ...(env['DATABASE_SSL_CA'] === 'ca' ? { DATABASE_SSL_CA: pemFile('ca') } : {}) };
    expect(() => loadDatabaseTls(resolved)).toThrow(ConfigError);
    expect(() => loadDatabaseTls(resolved)).toThrow(new RegExp(variable));
  });
});

describe('Kafka TLS', () => {
  it('connects with SASL_SSL and the given CA', () => {
    const config = loadConfig({ ...LOCAL, KAFKA_SSL: 'true', KAFKA_SSL_CA: pemFile('kafka-ca') });
    expect(kafkaFor(config, 'relay').ssl).toEqual({ ca: '-----BEGIN KAFKA-CA-----\nMIIB\n-----END KAFKA-CA-----\n' });
  });

  it('refuses a CA while TLS is off, since it would be ignored', () => {
    expect(() => loadConfig({ ...LOCAL, KAFKA_SSL_CA: pemFile('kafka-ca') })).toThrow(/KAFKA_SSL_CA/);
  });
});

describe('Temporal TLS', () => {
  it('connects with mTLS: the CA, a client certificate and key, an optional server name', () => {
    const env = { ...LOCAL, TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA: pemFile('t-ca'), TEMPORAL_TLS_CERT: pemFile('t-crt'), TEMPORAL_TLS_KEY: pemFile('t-key'), TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' };
    const tls = loadConfig(env).temporal.tls;
    expect(tls?.serverRootCACertificate?.toString()).toMatch(/BEGIN T-CA/);
    expect([tls?.clientCertPair?.crt.toString(), tls?.clientCertPair?.key.toString()]).toEqual([expect.stringMatching(/BEGIN T-CRT/), expect.stringMatching(/BEGIN T-KEY/)]);
    expect(tls?.serverNameOverride).toBe('temporal.internal');
  });

  it('refuses a client certificate without its key', () => {
    expect(() => loadConfig({ ...LOCAL, TEMPORAL_TLS: 'true', TEMPORAL_TLS_CERT: pemFile('t-crt') })).toThrow(/TEMPORAL_TLS_KEY/);
  });

  it('refuses a file that is not PEM', () => {
    const file = join(dir, 'not-pem');
    writeFileSync(file, 'hello');
    expect(() => loadConfig({ ...LOCAL, TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA: file })).toThrow(/TEMPORAL_TLS_CA/);
  });
});
