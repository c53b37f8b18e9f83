import { kafkaFor, loadConfig } from '@polku/config';
import { createKafka } from './client';

/**
 * With `ssl` (KAFKA_SSL, on outside local development) the client speaks TLS or nothing: the
 * local broker's listener is SASL_PLAINTEXT, so the same credentials get no connection.
 */
const relay = kafkaFor(loadConfig(), 'relay');

it('with TLS on, gets no connection from a plaintext listener', async () => {
  const admin = createKafka({ ...relay, ssl: {} }).admin({ retry: { retries: 0 } });
  try {
    await expect(admin.connect()).rejects.toThrow();
  } finally {
    await admin.disconnect();
  }
});

it('without TLS (local development), connects to it', async () => {
  const admin = createKafka(relay).admin({ retry: { retries: 0 } });
  await admin.connect();
  try {
    expect((await admin.describeCluster()).brokers.length).toBeGreaterThan(0);
  } finally {
    await admin.disconnect();
  }
});
