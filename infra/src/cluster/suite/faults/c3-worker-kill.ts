import { clusterApp } from '../../cluster-apps';
import type { ClusterFault } from '../context';
import { kill9 } from '../processes';
import { midStorm } from '../storm-progress';
import { apiLoad } from './support';

const STRIKE_AT_SHARE = 0.3;

/** C3: one of two workers is killed with SIGKILL mid-storm; the other must fire every item exactly once. */
export const workerKill: ClusterFault = {
  id: 'C3',
  title: 'worker kill -9 mid deadline storm',
  load: (profile) => ({ stormPaths: profile.workerKillStormPaths, api: apiLoad(profile) }),
  async strike(ctx) {
    const moment = await midStorm(ctx.pool, ctx.area, ctx.profile.workerKillStormPaths, STRIKE_AT_SHARE, ctx.signal);
    const pid = await kill9({ kind: 'app', app: 'worker', instance: 1 }, ctx.signal);
    const struckAt = Date.now();
    ctx.progress(`C3: worker-1 (pid ${pid}) killed; worker-2 carries the storm; ${moment.note}`);
    return {
      struckAt,
      checks: [{ name: 'killed in the middle of the storm', passed: moment.fired < moment.expected, detail: moment.note }],
      notes: [`worker-1 (pid ${pid}) killed; ${moment.note}`],
      async rejoin() {
        const worker = clusterApp(ctx.stack.appEnv, 'worker', 1);
        const back = await worker.start().then(() => true, () => false);
        return [{ name: 'the restarted worker is healthy', passed: back }];
      },
    };
  },
};
