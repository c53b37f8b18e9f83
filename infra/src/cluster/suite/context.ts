import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { Check } from '../../chaos/fault';
import type { KafkaTap } from '../../chaos/kafka-tap';
import type { CommandLoadPlan } from '../../chaos/load';
import type { StaffApi } from '../../chaos/staff-api';
import type { ClusterStack } from '../stack';
import type { ClusterFaultId, SuiteProfile } from './profile';

/** What every fault of a suite run shares: the chaos ledger's sources, on the cluster. */
export interface SuiteContext {
  readonly runId: string;
  readonly profile: SuiteProfile;
  readonly stack: ClusterStack;
  readonly pool: Pool;
  readonly temporal: Client;
  readonly tap: KafkaTap;
  readonly signal: AbortSignal;
  readonly progress: (message: string) => void;
}

/** One fault's view: its own employment area (the ledger is scoped by it), key prefix and budget. */
export interface FaultContext extends SuiteContext {
  readonly id: ClusterFaultId;
  readonly area: string;
  readonly tag: string;
  readonly api: StaffApi;
}

/**
 * What a fault's strike reports. A replica's death is not undone before the ledger is judged:
 * the rest of the cluster must carry the load without it. `rejoin` then brings it back.
 */
export interface Strike {
  /** The kill. */
  readonly struckAt: number;
  /** When the victim was back, for a fault whose victim has no replica (C4); recovery counts from here. */
  readonly restoredAt?: number;
  readonly checks: readonly Check[];
  readonly notes: readonly string[];
  /** After the ledger balanced: the victim started again, and whether it took its place. */
  rejoin(): Promise<readonly Check[]>;
}

export interface ClusterLoad {
  readonly stormPaths: number;
  readonly api: CommandLoadPlan;
}

export interface ClusterFault {
  readonly id: ClusterFaultId;
  readonly title: string;
  load(profile: SuiteProfile): ClusterLoad;
  /** Strikes while the load runs; resolves once the fault is in place (the victim dead, or back for C4). */
  strike(ctx: FaultContext): Promise<Strike>;
}
