import type { Message } from 'kafkajs';
import { replayOf, type DeadLetterRecord, type Replay } from './dead-letter-record';
import type { ReplayRequest } from './replay-args';
import type { ReplayRepository } from './replay.repository';

export interface ReplayParts {
  /** The topic's records from its beginning to its end as of now (readToEnd). */
  readonly read: (topic: string) => Promise<DeadLetterRecord[]>;
  /** Sends one message with the replay's idempotent producer, resolved after the broker's ack. */
  readonly publish: (topic: string, message: Message) => Promise<void>;
  readonly replays: Pick<ReplayRepository, 'reopen' | 'wasReplayed' | 'remember' | 'streamOf'>;
}

/** What happened to one record: ids, types and positions only, never its data. */
export interface ReplayOutcome {
  readonly action: 'replayed' | 'skipped';
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly eventId: string | undefined;
  readonly type: string | undefined;
  readonly detail: string;
}

export interface ReplayReport {
  readonly read: number;
  /** Records left out by `--id`. */
  readonly notSelected: number;
  readonly outcomes: readonly ReplayOutcome[];
}

/**
 * Replays a dead-letter topic once, in record order: the relay's dead letters go back through
 * the outbox, a consumer's back onto its source topic. Each record goes back at most once
 * (dlq_replays), so running it again replays only what was parked since.
 */
export async function replayDeadLetters(parts: ReplayParts, request: ReplayRequest): Promise<ReplayReport> {
  const records = await parts.read(request.topic);
  const selected = records.map((record) => ({ record, replay: replayOf(record) })).filter(({ replay }) => request.eventIds.length === 0 || request.eventIds.includes(replay.eventId ?? ''));
  const outcomes: ReplayOutcome[] = [];
  for (const { record, replay } of selected) {
    const { action, detail } = await replayOne(parts, record, replay);
    outcomes.push({ action, topic: record.topic, partition: record.partition, offset: record.offset, eventId: replay.eventId, type: replay.type, detail });
  }
  return { read: records.length, notSelected: records.length - selected.length, outcomes };
}

type Done = Pick<ReplayOutcome, 'action' | 'detail'>;

async function replayOne(parts: ReplayParts, record: DeadLetterRecord, replay: Replay): Promise<Done> {
  switch (replay.kind) {
    case 'unusable':
      return { action: 'skipped', detail: replay.reason };
    case 'outbox': {
      const reopened = await parts.replays.reopen(record, replay.eventId, replay.streamId);
      return reopened === 'reopened' ? { action: 'replayed', detail: 'outbox row reopened; the relay publishes it again' } : { action: 'skipped', detail: reopened };
    }
    case 'republish':
      return republish(parts, record, replay);
  }
}

/**
 * Back onto its source topic, where every consumer group sees it again and dedupes it by id.
 * Only an event of this store under its own path key goes back: a record a consumer principal
 * made up (it may write its DLQ) is not published under the relay's name. Remembered after the
 * ack: a crash in between re-publishes it at the next run, which consumers dedupe.
 */
async function republish(parts: ReplayParts, record: DeadLetterRecord, replay: Extract<Replay, { kind: 'republish' }>): Promise<Done> {
  if (await parts.replays.wasReplayed(record)) return { action: 'skipped', detail: 'already replayed' };
  if ((await parts.replays.streamOf(replay.eventId)) !== record.key?.toString()) return { action: 'skipped', detail: 'not an event of this store under its path key' };
  await parts.publish(replay.sourceTopic, replay.message);
  await parts.replays.remember(record, replay.eventId);
  return { action: 'replayed', detail: `re-published to ${replay.sourceTopic}` };
}
