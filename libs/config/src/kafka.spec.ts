import { ConfigError } from './config-error';
import { loadConfig } from './config';
import { kafkaFor, KAFKA_PRINCIPALS } from './kafka';

const LOCAL = { POLKU_LOCAL_DEV: 'true' };

describe('Kafka principals', () => {
  it('connects as the admin principal by default, with the local dev credentials', () => {
    expect(loadConfig(LOCAL).kafka).toEqual({
      brokers: ['127.0.0.1:9092'],
      clientId: 'polku',
      sasl: { mechanism: 'scram-sha-512', username: 'admin', password: 'polku-admin-dev' },
    });
  });

  it('has a principal of its own for the API', () => {
    expect(KAFKA_PRINCIPALS).toEqual(['admin', 'relay', 'municipal', 'wellbeing', 'api']);
  });

  it.each(KAFKA_PRINCIPALS)('gives %s its own dev user and password', (principal) => {
    expect(kafkaFor(loadConfig(LOCAL), principal).sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: principal,
      password: `polku-${principal}-dev`,
    });
  });

  it('reads each principal from KAFKA_<PRINCIPAL>_USERNAME and _PASSWORD, keeping brokers and client id', () => {
    const config = loadConfig({ ...LOCAL, KAFKA_BROKERS: 'k1:9092', KAFKA_MUNICIPAL_USERNAME: 'hameenlinna-area', KAFKA_MUNICIPAL_PASSWORD: 's3cret!' });
    expect(kafkaFor(config, 'municipal')).toEqual({
      brokers: ['k1:9092'],
      clientId: 'polku',
      sasl: { mechanism: 'scram-sha-512', username: 'hameenlinna-area', password: 's3cret!' },
    });
    expect(kafkaFor(config, 'wellbeing').sasl?.username).toBe('wellbeing');
  });

  it('reads a comma-separated broker list and trims it', () => {
    expect(loadConfig({ ...LOCAL, KAFKA_BROKERS: ' a:1, b:2 ,' }).kafka.brokers).toEqual(['a:1', 'b:2']);
  });

  it('connects without SASL for every principal when KAFKA_SASL_MECHANISM=none', () => {
    const config = loadConfig({ ...LOCAL, KAFKA_SASL_MECHANISM: 'none' });
    expect(config.kafka.sasl).toBeUndefined();
    expect(kafkaFor(config, 'relay').sasl).toBeUndefined();
  });

  it.each([
    ['KAFKA_SASL_MECHANISM', 'plain'],
    ['KAFKA_RELAY_PASSWORD', 'has "quotes"'],
    ['KAFKA_RELAY_PASSWORD', ''],
    ['KAFKA_WELLBEING_USERNAME', 'user,name'],
  ])('rejects %s=%j with the variable named', (variable, value) => {
    expect(() => loadConfig({ ...LOCAL, [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...LOCAL, [variable]: value })).toThrow(new RegExp(variable));
  });

  it('does not echo a rejected password', () => {
    const attempt = () => loadConfig({ ...LOCAL, KAFKA_ADMIN_PASSWORD: 'almost "right"' });
    expect(attempt).toThrow(/KAFKA_ADMIN_PASSWORD/);
    expect(attempt).not.toThrow(/almost/);
  });
});
