import { loadConfig } from '@polku/config';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { HOST, Ports } from '../../layout';
import { say } from '../../log';
import { waitFor } from '../../process';

/** Closed paths' histories stay this long (the dev server keeps a day); the event store keeps everything. */
const RETENTION_DAYS = 7;
/** A new namespace reaches every frontend and history host's cache within their refresh interval. */
const NAMESPACE_VISIBLE_WITHIN_MS = 60_000;

async function described(connection: Connection, namespace: string): Promise<boolean> {
  await connection.workflowService.describeNamespace({ namespace });
  return true;
}

/**
 * The dev server creates its namespace itself; a real server does not. Registers the apps'
 * namespace once and waits until it is served.
 */
export async function ensureNamespace(): Promise<void> {
  const { namespace } = loadConfig().temporal;
  const connection = await Connection.connect({ address: `${HOST}:${Ports.temporal}` });
  try {
    if (!(await described(connection, namespace).catch(() => false))) {
      say(`Temporal: registering namespace ${namespace} (retention ${RETENTION_DAYS} days)`);
      await connection.workflowService
        .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(`${RETENTION_DAYS} days`) })
        .catch((error: unknown) => {
          // Another start registered it in between: fine.
          if (!String(error).includes('already')) throw error;
        });
    }
    if (!(await waitFor(() => described(connection, namespace), NAMESPACE_VISIBLE_WITHIN_MS, 1_000))) throw new Error(`namespace ${namespace} is not served`);
  } finally {
    await connection.close();
  }
}
