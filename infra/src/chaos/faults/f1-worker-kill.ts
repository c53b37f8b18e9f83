import type { LedgerFault } from '../fault';
import { kill9 } from '../daemons';
import { apiLoad, midStorm, momentNote } from './support';

/** The kill lands when this share of the storm has fired: firings behind it, in flight and ahead. */
const KILL_AT_SHARE = 0.3;

/** F1: the worker is killed with SIGKILL in the middle of a storm of due items, then started again. */
export const workerKill: LedgerFault = {
  kind: 'ledger',
  id: 'F1',
  title: 'worker kill -9 mid-storm',
  load: (profile) => ({ stormPaths: profile.workerKillStormPaths, api: apiLoad(profile) }),
  async inject(ctx) {
    const moment = await midStorm(ctx, ctx.profile.workerKillStormPaths, KILL_AT_SHARE);
    const pid = await kill9('worker', ctx.signal);
    ctx.progress(`F1: worker (pid ${pid}) killed with SIGKILL; ${momentNote(moment)}`);
    await ctx.stack.app('worker').start();
    return {
      endedAt: Date.now(),
      notes: [`worker pid ${pid} killed; ${momentNote(moment)}`],
      checks: [{ name: 'killed in the middle of the storm', passed: moment.fired < moment.expected, detail: momentNote(moment) }],
    };
  },
};
