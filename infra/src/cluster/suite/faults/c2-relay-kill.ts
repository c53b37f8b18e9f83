import type { Check } from '../../../chaos/fault';
import { clusterApp } from '../../cluster-apps';
import { INSTANCES, type Instance } from '../../cluster-ports';
import type { ClusterFault, FaultContext } from '../context';
import { kill9, relayRole, waitForRole } from '../processes';
import { midStorm } from '../storm-progress';
import { seconds, stormAndCommands } from './support';

const STRIKE_AT_SHARE = 0.1;
/** The lease is 6 s (docs/relay.md): a standby takes over once it runs out, on its next try. */
const TAKEOVER_WITHIN_MS = 30_000;
const ROLE_WITHIN_MS = 30_000;

async function leader(): Promise<Instance | undefined> {
  for (const instance of INSTANCES) if ((await relayRole(instance).catch(() => undefined)) === 'leader') return instance;
  return undefined;
}

async function rejoin(ctx: FaultContext, instance: Instance): Promise<Check[]> {
  await clusterApp(ctx.stack.appEnv, 'relay', instance).start();
  const standby = await waitForRole(instance, 'standby', ROLE_WITHIN_MS, ctx.signal);
  return [{ name: 'the restarted relay stands by', passed: standby !== undefined, detail: `relay-${instance} ${standby ? 'reports' : 'does not report'} standby` }];
}

/** C2: the active relay is killed with SIGKILL; the standby must take over and publish everything. */
export const relayKill: ClusterFault = {
  id: 'C2',
  title: 'active relay kill -9, standby takes over',
  load: stormAndCommands,
  async strike(ctx) {
    const active = await leader();
    if (active === undefined) throw new Error('no relay reports role leader');
    const standby: Instance = active === 1 ? 2 : 1;
    const moment = await midStorm(ctx.pool, ctx.area, ctx.profile.stormPaths, STRIKE_AT_SHARE, ctx.signal);
    const pid = await kill9({ kind: 'app', app: 'relay', instance: active }, ctx.signal);
    const struckAt = Date.now();
    ctx.progress(`C2: relay-${active} (pid ${pid}, the leader) killed; ${moment.note}`);
    const tookOver = await waitForRole(standby, 'leader', TAKEOVER_WITHIN_MS, ctx.signal);
    return {
      struckAt,
      checks: [{ name: 'the standby took over', passed: tookOver !== undefined, detail: tookOver ? `relay-${standby} leader ${seconds(tookOver - struckAt)} after the kill` : `relay-${standby} not leader within ${seconds(TAKEOVER_WITHIN_MS)}` }],
      notes: [`relay-${active} (pid ${pid}) killed; ${tookOver ? `relay-${standby} took over in ${seconds(tookOver - struckAt)}` : 'no takeover'}; ${moment.note}`],
      rejoin: () => rejoin(ctx, active),
    };
  },
};
