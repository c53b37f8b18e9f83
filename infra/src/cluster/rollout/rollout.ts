import { applyPathCommandUpdate, pathWorkflowId, SERVICE_PATH_WORKFLOW, type ServicePathWorkflow } from '@polku/contracts';
import { FI_POLICY_VERSIONS, helsinkiDateOf, nameBasedUuid, type PathCommand, type PolicyVersion } from '@polku/domain';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { errorText, pollUntil } from '../../chaos/bounded';
import type { Check } from '../../chaos/fault';
import { recordConsentBody } from '../../chaos/load';
import { clientReferenceFor } from '../../chaos/storm';
import type { SuiteContext } from '../suite/context';
import { startBuild, type Build, type RunningBuild } from './workers';

const RUNNING_PATHS = 3;
/** A version can be made current once the server has seen its pollers. */
const CURRENT_WITHIN_MS = 60_000;
const COACH = { userId: 'rollout.coach', role: 'coach' } as const;
const CURRENT_POLICY = FI_POLICY_VERSIONS[FI_POLICY_VERSIONS.length - 1] as PolicyVersion;

function command(type: 'StartPath' | 'RecordConsent', data: object): PathCommand {
  return { type, data, metadata: { occurredAt: new Date().toISOString(), actor: COACH } } as PathCommand;
}

async function startPath(client: Client, taskQueue: string, area: string, pathId: string): Promise<void> {
  const registeredOn = helsinkiDateOf(new Date().toISOString());
  const data = { pathId, clientReference: clientReferenceFor(`rollout/${pathId}`), employmentArea: area, municipality: 'Hattula', referralSource: 'SELF_REGISTRATION', registeredOn, coachId: COACH.userId, consents: [] };
  const startWorkflowOperation = new WithStartWorkflowOperation<ServicePathWorkflow>(SERVICE_PATH_WORKFLOW, { workflowId: pathWorkflowId(pathId), taskQueue, args: [{ pathId, catalogue: [CURRENT_POLICY] }], workflowIdConflictPolicy: 'USE_EXISTING' });
  await client.workflow.executeUpdateWithStart(applyPathCommandUpdate, { args: [command('StartPath', data)], startWorkflowOperation, updateId: `rollout-start-${pathId}` });
}

async function consent(client: Client, pathId: string, key: string): Promise<void> {
  await client.workflow.getHandle(pathWorkflowId(pathId)).executeUpdate(applyPathCommandUpdate, { args: [command('RecordConsent', recordConsentBody(`rollout ${key}`))], updateId: key });
}

async function setCurrent(ctx: SuiteContext, deploymentName: string, buildId: Build): Promise<boolean> {
  const { namespace } = ctx.temporal.options;
  const poll = await pollUntil(async () => {
    await ctx.temporal.workflowService.setWorkerDeploymentCurrentVersion({ namespace, deploymentName, buildId, identity: 'polku-rollout-test' });
    return true;
  }, { timeoutMs: CURRENT_WITHIN_MS, intervalMs: 1_000, signal: ctx.signal });
  return poll.value === true;
}

const buildOf = (client: Client, pathId: string): Promise<string> => client.workflow.getHandle(pathWorkflowId(pathId)).query<string>('rolloutBuild');

async function failedTasks(client: Client, pathIds: readonly string[]): Promise<number> {
  let failed = 0;
  for (const pathId of pathIds) {
    const history = await client.workflow.getHandle(pathWorkflowId(pathId)).fetchHistory();
    failed += (history.events ?? []).filter((event) => event.workflowTaskFailedEventAttributes).length;
  }
  return failed;
}

async function consentsApplied(ctx: SuiteContext, keys: readonly string[]): Promise<number[]> {
  const { rows } = await ctx.pool.query<{ scope: string; n: number }>("SELECT data->'consent'->>'scope' AS scope, count(*)::int AS n FROM events WHERE event_type = 'ConsentRecorded' AND data->'consent'->>'scope' = ANY($1) GROUP BY 1", [keys.map((key) => `rollout ${key}`)]);
  return keys.map((key) => rows.find((row) => row.scope === `rollout ${key}`)?.n ?? 0);
}

/**
 * Worker Versioning on the cluster (docs/cluster.md, "Rolling out a new workflow version"):
 * paths run on build a; build b is deployed beside it and made current; each running path's
 * next command runs on b, with no workflow task failing, and new paths start on b.
 */
export async function runRollout(ctx: SuiteContext): Promise<{ checks: Check[]; notes: string[] }> {
  const deployment = `polku-rollout-${ctx.runId}`;
  const taskQueue = `polku-rollout-${ctx.runId}`;
  const area = `Cluster ${ctx.runId} rollout`;
  const builds: RunningBuild[] = [];
  try {
    builds.push(await startBuild('a', deployment, taskQueue));
    const currentA = await setCurrent(ctx, deployment, 'a');
    const paths = Array.from({ length: RUNNING_PATHS }, (_, i) => nameBasedUuid(`rollout/${ctx.runId}/${i}`));
    for (const pathId of paths) await startPath(ctx.temporal, taskQueue, area, pathId);
    const keys = paths.flatMap((pathId) => [`${ctx.runId}-${pathId}-1`, `${ctx.runId}-${pathId}-2`]);
    for (const pathId of paths) await consent(ctx.temporal, pathId, `${ctx.runId}-${pathId}-1`);
    const before = await Promise.all(paths.map((pathId) => buildOf(ctx.temporal, pathId)));
    ctx.progress(`rollout: ${paths.length} paths on build a; deploying build b beside it`);
    builds.push(await startBuild('b', deployment, taskQueue));
    const currentB = await setCurrent(ctx, deployment, 'b');
    for (const pathId of paths) await consent(ctx.temporal, pathId, `${ctx.runId}-${pathId}-2`);
    const after = await Promise.all(paths.map((pathId) => buildOf(ctx.temporal, pathId)));
    const fresh = nameBasedUuid(`rollout/${ctx.runId}/new`);
    await startPath(ctx.temporal, taskQueue, area, fresh);
    const freshBuild = await buildOf(ctx.temporal, fresh);
    const failed = await failedTasks(ctx.temporal, [...paths, fresh]);
    const applied = await consentsApplied(ctx, keys);
    return {
      checks: [
        { name: 'rollout: build a became the deployment’s current version and ran the paths', passed: currentA && before.every((build) => build === 'a'), detail: `answered ${before.join(', ')}` },
        { name: 'rollout: after build b was made current, every running path’s next command ran on b', passed: currentB && after.every((build) => build === 'b'), detail: `answered ${after.join(', ')}` },
        { name: 'rollout: a path started after the switch runs on b', passed: freshBuild === 'b', detail: `answered ${freshBuild}` },
        { name: 'rollout: no workflow task failed across the switch (replay-safe)', passed: failed === 0, detail: `${failed} WorkflowTaskFailed events` },
        { name: 'rollout: every command applied exactly once', passed: applied.every((n) => n === 1), detail: `${applied.filter((n) => n === 1).length} of ${applied.length} once` },
      ],
      notes: [`deployment ${deployment}: ${paths.length} paths moved a → b, 1 started on b`],
    };
  } catch (error) {
    return { checks: [{ name: 'rollout: two worker builds on the cluster', passed: false, detail: errorText(error) }], notes: [] };
  } finally {
    await Promise.allSettled(builds.map((build) => build.stop()));
  }
}
