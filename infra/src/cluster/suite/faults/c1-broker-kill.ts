import { pollUntil } from '../../../chaos/bounded';
import type { Check } from '../../../chaos/fault';
import { LEADER_IMBALANCE_CHECK_S, startBrokers } from '../../kafka/brokers';
import { partitionStates, waitForBrokers } from '../../kafka/kafka-cluster';
import type { ClusterFault, FaultContext } from '../context';
import { kill9 } from '../processes';
import { midStorm } from '../storm-progress';
import { seconds, stormAndCommands } from './support';

const STRIKE_AT_SHARE = 0.2;
/** The suite's own Kafka reader bootstraps from node 1, so the victim is node 2 or 3. */
const CANDIDATES = [2, 3] as const;
const REJOIN_WITHIN_MS = 120_000;
/** The controller fences a silent broker after broker.session.timeout.ms (9 s), then moves its leaderships. */
const LEADERS_WITHIN_MS = 60_000;

async function leadershipMoved(dead: number, signal: AbortSignal): Promise<number | undefined> {
  const poll = await pollUntil(async () => ((await partitionStates()).every((state) => state.leader >= 0 && state.leader !== dead && state.isr >= 2) ? true : undefined), { timeoutMs: LEADERS_WITHIN_MS, intervalMs: 500, signal });
  return poll.at;
}

/** Preferred leaders come back at the controller's next imbalance check: a few of them. */
const BALANCED_WITHIN_MS = 6 * LEADER_IMBALANCE_CHECK_S * 1_000;

/**
 * The candidate leading the most of the project's partitions: killing it moves the most
 * leadership. After an earlier kill the candidates may lead nothing until the controller has
 * given their preferred leaderships back; a kill then would test no failover, so it waits.
 */
async function busiest(signal: AbortSignal): Promise<{ id: number; led: number }> {
  const pick = async (): Promise<{ id: number; led: number }> => {
    const states = await partitionStates();
    const led = (id: number): number => states.filter((state) => state.leader === id).length;
    const id = [...CANDIDATES].sort((a, b) => led(b) - led(a))[0] as number;
    return { id, led: led(id) };
  };
  const leading = await pollUntil(async () => {
    const candidate = await pick();
    return candidate.led > 0 ? candidate : undefined;
  }, { timeoutMs: BALANCED_WITHIN_MS, intervalMs: 1_000, signal });
  return leading.value ?? (await pick());
}

async function rejoin(ctx: FaultContext, id: number): Promise<Check[]> {
  const begun = Date.now();
  await startBrokers([id]);
  const back = await waitForBrokers([id], REJOIN_WITHIN_MS);
  const inSync = await pollUntil(async () => ((await partitionStates()).every((state) => state.isr === state.replicas) ? true : undefined), { timeoutMs: REJOIN_WITHIN_MS, intervalMs: 1_000, signal: ctx.signal });
  return [{ name: 'the broker rejoined and every partition is fully in sync again', passed: back && inSync.at !== undefined, detail: `node ${id} ${back ? 'back' : 'not back'}; ${inSync.at ? `all replicas in sync ${seconds(inSync.at - begun)} after its start` : 'partitions still under-replicated'}` }];
}

/** C1: one of three brokers is killed with SIGKILL mid-load and left down until the ledger balances. */
export const brokerKill: ClusterFault = {
  id: 'C1',
  title: 'Kafka broker kill -9 (RF 3, min ISR 2)',
  load: stormAndCommands,
  async strike(ctx) {
    const { id, led } = await busiest(ctx.signal);
    const moment = await midStorm(ctx.pool, ctx.area, ctx.profile.stormPaths, STRIKE_AT_SHARE, ctx.signal);
    const pid = await kill9({ kind: 'broker', id }, ctx.signal);
    const struckAt = Date.now();
    ctx.progress(`C1: Kafka node ${id} (pid ${pid}, leader of ${led} partitions) killed; ${moment.note}`);
    const moved = await leadershipMoved(id, ctx.signal);
    return {
      struckAt,
      checks: [
        { name: 'the killed broker led partitions', passed: led > 0, detail: `node ${id} led ${led} of the project's partitions` },
        { name: 'every partition got a live leader with two replicas in sync', passed: moved !== undefined, detail: moved === undefined ? `not within ${seconds(LEADERS_WITHIN_MS)}` : `${seconds(moved - struckAt)} after the kill` },
      ],
      notes: [`node ${id} (pid ${pid}) led ${led} partitions; ${moment.note}`],
      rejoin: () => rejoin(ctx, id),
    };
  },
};
