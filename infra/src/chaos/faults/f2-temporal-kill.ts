import type { LedgerFault } from '../fault';
import { kill9 } from '../daemons';
import { apiLoad, midStorm, momentNote } from './support';

const KILL_AT_SHARE = 0.2;

/** F2: the Temporal server is killed with SIGKILL during commands and firings, then started again. */
export const temporalKill: LedgerFault = {
  kind: 'ledger',
  id: 'F2',
  title: 'Temporal server kill -9 + restart',
  load: (profile) => ({ stormPaths: profile.stormPaths, api: apiLoad(profile) }),
  async inject(ctx) {
    const moment = await midStorm(ctx, ctx.profile.stormPaths, KILL_AT_SHARE);
    const pid = await kill9('temporal', ctx.signal);
    ctx.progress(`F2: Temporal (pid ${pid}) killed with SIGKILL; ${momentNote(moment)}`);
    await ctx.stack.infra.temporal.start();
    return { endedAt: Date.now(), notes: [`Temporal pid ${pid} killed; ${momentNote(moment)}`] };
  },
};
