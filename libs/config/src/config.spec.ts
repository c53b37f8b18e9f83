import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the loopback services npm start brings up', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('postgres://polku:polku@127.0.0.1:5432/polku');
    expect(config.temporal.address).toBe('127.0.0.1:7233');
    expect(config.kafka.brokers).toEqual(['127.0.0.1:9092']);
    expect(config.api.port).toBe(3000);
  });

  it('reads a comma-separated broker list and trims it', () => {
    expect(loadConfig({ KAFKA_BROKERS: ' a:1, b:2 ,' }).kafka.brokers).toEqual(['a:1', 'b:2']);
  });

  it.each(['0', '65536', '80.5', 'http'])('rejects API_PORT=%s with the variable named', (value) => {
    expect(() => loadConfig({ API_PORT: value })).toThrow(ConfigError);
    expect(() => loadConfig({ API_PORT: value })).toThrow(/API_PORT/);
  });
});
