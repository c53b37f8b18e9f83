import { Topics } from '@polku/contracts';
import { PROJECTIONS } from '@polku/projections';
import type { Pool } from 'pg';
import { accountStream, type StoredRow } from './expectations';
import { commandLedger, type CommandLedger } from './command-ledger';
import { kafkaLedger, type KafkaLedger } from './kafka-ledger';
import { groupByStream } from './ledger-rows';
import type { KafkaTap } from './kafka-tap';
import type { SentCommand } from './sent-command';

export interface ItemLedger {
  readonly due: number;
  readonly fired: number;
  readonly firedTwice: number;
  readonly unfired: number;
  /** Firing events without their staff notification. */
  readonly unnotified: number;
}

export interface Ledger {
  readonly at: string;
  readonly paths: number;
  readonly events: number;
  readonly commands: CommandLedger;
  readonly kafka: KafkaLedger;
  /** Events a consumer should have applied (its topic carries them) but has no processed_events row for. */
  readonly unapplied: { readonly municipal: number; readonly wellbeing: number; readonly projections: number; readonly projectionsBehind: number };
  readonly items: ItemLedger;
  /** A few ids behind each non-zero count, to start an investigation from. */
  readonly samples: Readonly<Record<string, readonly string[]>>;
}

export interface LedgerScope {
  /** Every path of a fault lives in an employment area of its own. */
  readonly employmentArea: string;
  readonly commands: readonly SentCommand[];
}

export interface LedgerSources {
  readonly pool: Pool;
  readonly tap: KafkaTap;
}

const SAMPLE = 5;

/** The ledger balances: nothing lost, nothing applied or fired twice, everything delivered and applied. */
export function balanced(ledger: Ledger): boolean {
  const { commands, kafka, unapplied, items } = ledger;
  return (
    commands.lost + commands.twice + kafka.missing + kafka.unexpected + unapplied.municipal + unapplied.wellbeing + unapplied.projections + unapplied.projectionsBehind + items.unfired + items.firedTwice + items.unnotified === 0
  );
}

/** Reads the ledger of one fault's paths from the sources of truth. */
export async function takeLedger(sources: LedgerSources, scope: LedgerScope, now = Date.now()): Promise<Ledger> {
  const rows = await rowsOf(sources.pool, scope.employmentArea);
  const streams = groupByStream(rows);
  const accounts = [...streams.values()].map((stream) => accountStream(stream, now));
  const publications = new Map(accounts.flatMap((account) => [...account.publications]));
  const firings = accounts.flatMap((account) => account.items.firingEventIds);
  const expectedOn = (topic: string): string[] => [...publications].filter(([, topics]) => topics.includes(topic)).map(([id]) => id);
  const [municipal, wellbeing, notified, projections] = await Promise.all([
    missingIn(sources.pool, 'municipal.processed_events', 'event_id', expectedOn(Topics.municipal)),
    missingIn(sources.pool, 'wellbeing.processed_events', 'event_id', expectedOn(Topics.wellbeing)),
    missingIn(sources.pool, 'notifications', 'notification_id', firings),
    projectionGaps(sources.pool, [...streams.keys()]),
  ]);
  const commands = commandLedger(scope.commands, rows);
  const kafka = kafkaLedger(publications, sources.tap);
  const unfired = accounts.flatMap((account) => account.items.unfired);
  const sum = (pick: (items: (typeof accounts)[number]['items']) => number): number => accounts.reduce((total, account) => total + pick(account.items), 0);
  return {
    at: new Date(now).toISOString(),
    paths: streams.size,
    events: rows.length,
    commands,
    kafka,
    unapplied: { municipal: municipal.length, wellbeing: wellbeing.length, projections: projections.missing.length, projectionsBehind: projections.behind },
    items: { due: sum((items) => items.due), fired: sum((items) => items.fired), firedTwice: sum((items) => items.firedTwice), unfired: unfired.length, unnotified: notified.length },
    samples: trimSamples({ ...commands.samples, ...kafka.samples, municipal, wellbeing, projections: projections.missing, unfired, unnotified: notified }),
  };
}

async function rowsOf(pool: Pool, employmentArea: string): Promise<StoredRow[]> {
  const { rows } = await pool.query<StoredRow>(
    `SELECT e.event_id::text AS "eventId", e.stream_id AS "streamId", e.stream_version AS "streamVersion", e.event_type AS "type", e.data, e.metadata,
            to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt", e.transaction_id::text AS "transactionId"
       FROM events e
      WHERE e.stream_id IN (SELECT stream_id FROM events WHERE event_type = 'PathStarted' AND data->>'employmentArea' = $1)
      ORDER BY e.stream_id, e.stream_version`,
    [employmentArea],
  );
  return rows;
}

/** The ids of `ids` that `table` has no row for. */
async function missingIn(pool: Pool, table: string, column: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await pool.query<{ id: string }>(`SELECT ${column}::text AS id FROM ${table} WHERE ${column} = ANY($1::uuid[])`, [ids]);
  const present = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !present.has(id));
}

/**
 * Projections read the log in commit-safe order (transaction id, position). `behind`: events
 * the checkpoint of some projection that runs (PROJECTIONS) has not passed yet (still catching up); `missing`: paths whose PathStarted
 * the path-summaries checkpoint has passed without a row — an event skipped for good.
 */
async function projectionGaps(pool: Pool, streamIds: readonly string[]): Promise<{ missing: string[]; behind: number }> {
  if (streamIds.length === 0) return { missing: [], behind: 0 };
  const behind = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM events e
      WHERE e.stream_id = ANY($1) AND EXISTS (SELECT 1 FROM projection_checkpoints cp WHERE cp.name = ANY($2) AND (cp.transaction_id, cp.position) < (e.transaction_id, e.global_position))`,
    [streamIds, PROJECTIONS.map((projection) => projection.name)],
  );
  const missing = await pool.query<{ id: string }>(
    `SELECT e.stream_id AS id FROM events e JOIN projection_checkpoints cp ON cp.name = 'path-summaries'
      WHERE e.stream_id = ANY($1) AND e.event_type = 'PathStarted' AND (cp.transaction_id, cp.position) >= (e.transaction_id, e.global_position)
        AND NOT EXISTS (SELECT 1 FROM path_summaries s WHERE s.path_id = e.stream_id)`,
    [streamIds],
  );
  return { missing: missing.rows.map((row) => row.id), behind: behind.rows[0]?.n ?? 0 };
}

function trimSamples(samples: Record<string, readonly string[]>): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(samples).filter(([, ids]) => ids.length > 0).map(([name, ids]) => [name, ids.slice(0, SAMPLE)]));
}

/** Every path of a fault's employment area, as the event store has them. */
export async function pathIdsIn(pool: Pool, employmentArea: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(`SELECT stream_id AS id FROM events WHERE event_type = 'PathStarted' AND data->>'employmentArea' = $1 ORDER BY global_position`, [employmentArea]);
  return rows.map((row) => row.id);
}
