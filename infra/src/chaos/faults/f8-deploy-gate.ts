import { FEATURES, fetchHistories, pickHistories, type RecordedHistory } from '../deploy-gate/histories';
import { BUILDS, replayAll } from '../deploy-gate/replay';
import type { Check, FaultContext, GateFault } from '../fault';
import { range, recordConsent } from '../load';
import type { FaultId } from '../profile';
import { clientReferenceFor, startStormPath } from '../storm';
import { runsOf } from './f9-history-growth';

/** Where the other faults leave the histories the gate needs: continue-as-new (F9), worker restarts (F1), retried activities (F3, F5). */
const SOURCES: readonly FaultId[] = ['F9', 'F1', 'F3', 'F5', 'F2', 'F4', 'F6', 'F7'];
const PER_FEATURE = 3;
/** The gate's own path continues as new after this many history events, under this many commands. */
const OWN_CONTINUE_AS_NEW_AFTER = 20;
const OWN_COMMANDS = 6;

/**
 * Histories of the gate's own making, so it has something of each kind even when run alone: a
 * path that continues as new, and a second path for the same client, whose append the store
 * refuses (an activity failure).
 */
async function ownPaths(ctx: FaultContext): Promise<string[]> {
  const clientReference = clientReferenceFor(`${ctx.tag}/gate`);
  const plan = { paths: 2, concurrency: 1, employmentArea: ctx.area, tag: ctx.tag, input: { continueAsNewAfter: OWN_CONTINUE_AS_NEW_AFTER } };
  const first = await startStormPath(ctx.temporal, plan, 0, ctx.signal, clientReference);
  if (!first.acked || !first.effect) throw new Error(`the gate's own path did not start: ${first.failure}`);
  const pathId = first.effect.streamId;
  for (const i of range(OWN_COMMANDS)) await recordConsent(ctx.api, pathId, `${ctx.tag}-own-${i}`, ctx.signal);
  await runsOf(ctx.temporal, pathId, 2, ctx.signal);
  const refused = await startStormPath(ctx.temporal, plan, 1, ctx.signal, clientReference);
  return [pathId, ...(refused.effect ? [refused.effect.streamId] : [])];
}

function coverage(histories: readonly RecordedHistory[]): Check {
  const missing = FEATURES.filter((feature) => !histories.some((history) => history.features.has(feature)));
  const counts = FEATURES.map((feature) => `${feature} ${histories.filter((history) => history.features.has(feature)).length}`);
  return { name: 'the replayed histories cover a patch marker, continue-as-new, an activity failure, a worker restart', passed: missing.length === 0, detail: `${counts.join(', ')}${missing.length > 0 ? `; none with ${missing.join(', ')}` : ''}` };
}

/**
 * F8, the deploy gate: histories recorded by this run's real workflows replay against the
 * current workflow code, and all fail against a deliberately non-deterministic build.
 */
export const deployGate: GateFault = {
  kind: 'gate',
  id: 'F8',
  title: 'deploy gate: replay recorded histories',
  async run(ctx) {
    const own = await ownPaths(ctx);
    // The gate's own paths first: the scan stops at historiesScanned runs, and they are the ones
    // sure to hold a refused append (a failed local activity) and a continue-as-new.
    const candidates = [...own, ...SOURCES.flatMap((id) => ctx.workflows.get(id) ?? [])];
    const scanned = await fetchHistories(ctx.temporal, candidates, ctx.profile.historiesScanned);
    const histories = pickHistories(scanned, ctx.profile.replayHistories, PER_FEATURE);
    ctx.progress(`F8: replaying ${histories.length} of ${scanned.length} recorded histories against the released and a non-deterministic build`);
    const released = await replayAll(BUILDS.released, histories);
    const broken = await replayAll(BUILDS.nondeterministic, histories);
    const failed = released.filter((outcome) => outcome.error);
    const accepted = broken.filter((outcome) => !outcome.nondeterministic);
    const checks: Check[] = [
      coverage(histories),
      { name: 'recorded histories replay against the current code', passed: histories.length > 0 && failed.length === 0, detail: `${released.length - failed.length} of ${released.length} replayed${failed[0] ? `; e.g. ${failed[0].workflowId}: ${failed[0].error}` : ''}` },
      { name: 'a non-deterministic change fails the gate', passed: histories.length > 0 && accepted.length === 0, detail: `${broken.length - accepted.length} of ${broken.length} failed with a determinism error${accepted[0] ? `; e.g. ${accepted[0].workflowId}: ${accepted[0].error ?? 'replayed without error'}` : ''}` },
    ];
    return { checks, notes: [`${histories.length} histories from ${new Set(histories.map((history) => history.workflowId)).size} workflows (${scanned.length} runs scanned)`] };
  },
};
