import type { Connection } from '@temporalio/client';
import { bounded, sleepMs } from '../support/limits';

/**
 * Closed workflows are kept this long. The shortest the dev server takes; nothing closed needs
 * to outlive the run, whose namespace is deleted at its end anyway.
 */
const RETENTION_SECONDS = 3_600;
const READY_WITHIN_MS = 30_000;
const CALL_WITHIN_MS = 15_000;
const POLL_MS = 200;
const NAME = /^polku-bench-[a-z0-9]+$/;

type RetentionPeriod = NonNullable<Parameters<Connection['workflowService']['registerNamespace']>[0]['workflowExecutionRetentionPeriod']>;

export const benchNamespaceOf = (runId: string): string => `polku-bench-${runId}`;

/** Registers the run's namespace and waits until the frontend knows it (its cache refreshes). */
export async function registerNamespace(connection: Connection, namespace: string): Promise<void> {
  if (!NAME.test(namespace)) throw new Error(`not a bench namespace: ${namespace}`);
  await bounded(
    connection.workflowService.registerNamespace({
      namespace,
      description: 'A Polku benchmark run (npm run bench); deleted at the end of the run.',
      // protobufjs encodes a plain number into the int64; its typings only name Long.
      workflowExecutionRetentionPeriod: { seconds: RETENTION_SECONDS } as unknown as RetentionPeriod,
    }),
    CALL_WITHIN_MS,
    `registering ${namespace}`,
  );
  const giveUpAt = Date.now() + READY_WITHIN_MS;
  for (;;) {
    const known = await connection.workflowService.describeNamespace({ namespace }).then(() => true, () => false);
    if (known) return;
    if (Date.now() > giveUpAt) throw new Error(`namespace ${namespace} not served within ${READY_WITHIN_MS / 1000} s`);
    await sleepMs(POLL_MS);
  }
}

/**
 * Deletes the namespace: the server renames it, and its own system workflow then deletes every
 * execution in it (running ones included) in the background. Answers the interim name.
 */
export async function deleteNamespace(connection: Connection, namespace: string): Promise<string> {
  if (!NAME.test(namespace)) throw new Error(`refusing to delete ${namespace}: not a bench namespace`);
  const answer = await bounded(connection.operatorService.deleteNamespace({ namespace }), CALL_WITHIN_MS, `deleting ${namespace}`);
  return answer.deletedNamespace ?? namespace;
}

/** Namespaces of earlier runs (a run killed before its clean-up leaves one). */
export async function benchNamespaces(connection: Connection): Promise<string[]> {
  const names: string[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await bounded(connection.workflowService.listNamespaces({ pageSize: 100, ...(nextPageToken ? { nextPageToken } : {}) }), CALL_WITHIN_MS, 'listing namespaces');
    names.push(...page.namespaces.map((n) => n.namespaceInfo?.name ?? '').filter((name) => NAME.test(name)));
    nextPageToken = page.nextPageToken && page.nextPageToken.length > 0 ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return names;
}
