import type { Fault } from '../fault';
import type { FaultId } from '../profile';
import { workerKill } from './f1-worker-kill';
import { temporalKill } from './f2-temporal-kill';
import { postgresStop } from './f3-postgres-stop';
import { kafkaKill } from './f4-kafka-kill';
import { slowAndCutLinks } from './f5-slow-cut-links';
import { outOfOrderCommits } from './f6-out-of-order-commits';
import { relayPause } from './f7-relay-pause';
import { deployGate } from './f8-deploy-gate';
import { historyGrowth } from './f9-history-growth';

/** Every fault by id; a run takes them in FAULT_IDS order (F8 last: it replays the others' histories). */
export const FAULTS: Readonly<Record<FaultId, Fault>> = {
  F1: workerKill,
  F2: temporalKill,
  F3: postgresStop,
  F4: kafkaKill,
  F5: slowAndCutLinks,
  F6: outOfOrderCommits,
  F7: relayPause,
  F8: deployGate,
  F9: historyGrowth,
};
