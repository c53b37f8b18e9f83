import type { PolkuConfig } from '@polku/config';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { temporalDataConverter } from './codec/data-converter';

/**
 * A Temporal client with the project's data converter (payloads encrypted, and decrypted with
 * any configured key) and TLS when configured. Close it with `client.connection.close()`.
 */
export async function connectTemporalClient(settings: PolkuConfig['temporal'], dataConverter: DataConverter = temporalDataConverter()): Promise<Client> {
  const { address, namespace, tls } = settings;
  const connection = await Connection.connect({ address, ...(tls === undefined ? {} : { tls }) });
  return new Client({ connection, namespace, dataConverter });
}
