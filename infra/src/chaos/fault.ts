import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { Restored } from '../service';
import type { KafkaTap } from './kafka-tap';
import type { Ledger } from './ledger';
import type { CommandLoadPlan } from './load';
import type { FaultId, Profile } from './profile';
import type { SentCommand } from './sent-command';
import type { ChaosStack } from './stack';
import type { StaffApi } from './staff-api';

/** What every fault of a run shares. */
export interface RunContext {
  readonly runId: string;
  readonly profile: Profile;
  readonly stack: ChaosStack;
  /** Straight to PostgreSQL (never through the F5 proxy): the ledger's own reads. */
  readonly pool: Pool;
  readonly temporal: Client;
  readonly tap: KafkaTap;
  /** Path ids whose workflows each fault started: the deploy gate (F8) replays their histories. */
  readonly workflows: Map<FaultId, string[]>;
  readonly signal: AbortSignal;
  readonly progress: (message: string) => void;
}

/** One fault's view: its own employment area (every ledger query is scoped by it) and budget. */
export interface FaultContext extends RunContext {
  readonly id: FaultId;
  readonly area: string;
  /** Prefix of its Idempotency-Keys and path names: `chaos-<run>-f1`. */
  readonly tag: string;
  readonly api: StaffApi;
}

export interface Check {
  readonly name: string;
  readonly passed: boolean;
  readonly detail?: string;
}

/**
 * The check after every fault, on the single-node stack and on the cluster: no process the fault
 * did not aim at died of it. One that lived and answered again on its own is named, with how
 * long it took, but did not die.
 */
export function survivalCheck(restored: Restored): Check {
  const waited = restored.unhealthy.length > 0 ? `; waited for ${restored.unhealthy.join(', ')}` : '';
  return { name: 'no other process died of the fault', passed: restored.died.length === 0, detail: `${restored.died.length > 0 ? `started again: ${restored.died.join(', ')}` : 'none died'}${waited}` };
}

export interface LoadShape {
  /** Paths of the due-item storm, each with STORM_ITEMS_PER_PATH items (0: none). */
  readonly stormPaths: number;
  readonly api?: CommandLoadPlan;
}

/** What a fault's injection reports once the fault is over. */
export interface Injection {
  /** When the fault ended (the process back, the link healed): recovery is counted from here. */
  readonly endedAt: number;
  readonly checks?: readonly Check[];
  readonly notes?: readonly string[];
  /** Commands the fault sent itself (F6's direct appends, F9's Updates around the switch). */
  readonly commands?: readonly SentCommand[];
  /** Paths it started on Temporal itself. */
  readonly workflows?: readonly string[];
  /** The ledger is not judged before this (items still coming due). */
  readonly notBefore?: number;
}

/** A fault run against the load and judged by the ledger (F1–F7, F9). */
export interface LedgerFault {
  readonly kind: 'ledger';
  readonly id: FaultId;
  readonly title: string;
  load(profile: Profile): LoadShape;
  /** Before the load starts: what the fault needs in place (F7's standby relay). */
  prepare?(ctx: FaultContext): Promise<void>;
  /** Injects the fault while the load runs; resolves when the fault is over. */
  inject(ctx: FaultContext): Promise<Injection>;
  /** After the ledger: takes down what the fault added (F7's standby relay). */
  cleanup?(ctx: FaultContext): Promise<void>;
}

/** A fault judged by its own checks (F8, the deploy gate). */
export interface GateFault {
  readonly kind: 'gate';
  readonly id: FaultId;
  readonly title: string;
  run(ctx: FaultContext): Promise<{ readonly checks: readonly Check[]; readonly notes: readonly string[] }>;
}

export type Fault = LedgerFault | GateFault;

/** One row of ledger.json. */
export interface FaultResult {
  readonly id: FaultId;
  readonly title: string;
  readonly verdict: 'passed' | 'failed';
  readonly seconds: number;
  /** From the end of the fault to the first balanced ledger; null when it never balanced. */
  readonly recoverySeconds?: number | null;
  readonly ledger?: Ledger;
  readonly stuck?: { readonly checked: number; readonly paths: readonly string[] };
  readonly load?: { readonly sent: number; readonly acked: number; readonly unacked: readonly string[] };
  readonly checks: readonly Check[];
  readonly notes: readonly string[];
  readonly error?: string;
}
