import type { ClusterFault } from '../context';
import type { ClusterFaultId } from '../profile';
import { brokerKill } from './c1-broker-kill';
import { relayKill } from './c2-relay-kill';
import { workerKill } from './c3-worker-kill';
import { historyKill } from './c4-history-kill';

export const CLUSTER_FAULTS: Readonly<Record<ClusterFaultId, ClusterFault>> = { C1: brokerKill, C2: relayKill, C3: workerKill, C4: historyKill };
