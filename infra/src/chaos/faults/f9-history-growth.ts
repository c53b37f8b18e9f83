import { pathWorkflowId } from '@polku/contracts';
import type { Client } from '@temporalio/client';
import { pollUntil } from '../bounded';
import type { LedgerFault } from '../fault';
import { range, recordConsent } from '../load';
import type { SentCommand } from '../sent-command';
import { startStormPath, STORM_LAST_DUE_MS } from '../storm';

/** Visibility lags the switch a little: give the run count this long to show every run. */
const RUNS_VISIBLE_WITHIN_MS = 10_000;
const RUNS_POLL_MS = 500;

/** How many runs (continue-as-new generations) the path's workflow has had so far. */
export async function runsOf(client: Client, pathId: string, atLeast: number, signal: AbortSignal): Promise<number> {
  let seen = 0;
  await pollUntil(async () => {
    seen = (await client.workflow.count(`WorkflowId = '${pathWorkflowId(pathId)}'`)).count;
    return seen >= atLeast ? true : undefined;
  }, { timeoutMs: RUNS_VISIBLE_WITHIN_MS, intervalMs: RUNS_POLL_MS, signal });
  return seen;
}

/**
 * F9: a path whose workflow continues-as-new after a few dozen history events gets waves of
 * concurrent keyed Updates (through the API), so Updates are in flight at every switch: every
 * acked one must be applied, none twice (the ledger, by effect and by command id).
 */
export const historyGrowth: LedgerFault = {
  kind: 'ledger',
  id: 'F9',
  title: 'continue-as-new, Updates in flight',
  load: () => ({ stormPaths: 0 }),
  async inject(ctx) {
    const { profile } = ctx;
    const plan = { paths: 1, concurrency: 1, employmentArea: ctx.area, tag: ctx.tag, input: { continueAsNewAfter: profile.continueAsNewAfter } };
    const start = await startStormPath(ctx.temporal, plan, 0, ctx.signal);
    if (!start.acked || !start.effect) throw new Error(`the path did not start: ${start.failure}`);
    const pathId = start.effect.streamId;
    const commands: SentCommand[] = [start];
    for (let sent = 0; sent < profile.historyGrowthCommands && !ctx.signal.aborted; sent += profile.historyGrowthWave) {
      const wave = range(Math.min(profile.historyGrowthWave, profile.historyGrowthCommands - sent));
      commands.push(...(await Promise.all(wave.map((j) => recordConsent(ctx.api, pathId, `${ctx.tag}-update-${sent + j}`, ctx.signal)))));
    }
    const runs = await runsOf(ctx.temporal, pathId, 2, ctx.signal);
    ctx.progress(`F9: ${commands.length - 1} keyed Updates in waves of ${profile.historyGrowthWave}; the workflow ran ${runs} times`);
    return {
      endedAt: Date.now(),
      commands,
      workflows: [pathId],
      notBefore: Date.now() + STORM_LAST_DUE_MS,
      checks: [{ name: 'the path continued as new under the Updates', passed: runs > 1, detail: `${runs} runs (continueAsNewAfter ${profile.continueAsNewAfter} history events)` }],
      notes: [`${commands.length - 1} Updates in waves of ${profile.historyGrowthWave}, ${runs} workflow runs`],
    };
  },
};
