import { hold } from '../../../chaos/bounded';
import { temporalServices } from '../../stack';
import type { ClusterFault } from '../context';
import { kill9 } from '../processes';
import { midStorm } from '../storm-progress';
import { stormAndCommands } from './support';

const STRIKE_AT_SHARE = 0.2;

/**
 * C4: the Temporal history service (all shards) is killed with SIGKILL during commands and
 * timers, down a few seconds, then started again: commands and timers must resume.
 */
export const historyKill: ClusterFault = {
  id: 'C4',
  title: 'Temporal history service kill -9 + restart',
  load: stormAndCommands,
  async strike(ctx) {
    const moment = await midStorm(ctx.pool, ctx.area, ctx.profile.stormPaths, STRIKE_AT_SHARE, ctx.signal);
    const pid = await kill9({ kind: 'temporal', service: 'history' }, ctx.signal);
    const struckAt = Date.now();
    ctx.progress(`C4: temporal-history (pid ${pid}) killed; ${moment.note}`);
    await hold(ctx.profile.historyDownMs, ctx.signal); // the outage itself
    await temporalServices.history.start();
    return {
      struckAt,
      restoredAt: Date.now(),
      checks: [],
      notes: [`temporal-history (pid ${pid}) killed, down ${ctx.profile.historyDownMs / 1000} s + its restart; ${moment.note}`],
      rejoin: async () => [],
    };
  },
};
