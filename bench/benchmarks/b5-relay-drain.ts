import { deadLetterTopicOf, Topics } from '@polku/contracts';
import { RELAY_PRODUCER } from '../../apps/relay/src/relay-producer';
import { BenchTopics, renameTopic } from '../env/topics';
import { type Benchmark, type BenchContext, STALLED_AFTER_MS } from '../suite/benchmark';
import { check, type Check, perSecondOf, row } from '../suite/result';
import { progress } from '../support/progress';
import { awaitCount } from '../support/wait';
import { backlogState, expectedMessages, fillBacklog, resetBacklog, setAsideEarlierRows } from './b5-backlog';
import { rawDrain } from './b5-raw-drain';

const RATIO = 0.8;

interface Drained {
  readonly rows: number;
  /** Messages on the broker per topic (the run's topics). */
  readonly messages: ReadonlyMap<string, number>;
  readonly seconds: number;
}

/**
 * B5 — the relay's own code draining a backlog of outbox rows (folding each path, translating
 * for its audiences, publishing with its producer settings, marking under its lease), against a
 * raw loop over the same rows: select a batch, produce it, mark it. Judged on rows drained per
 * second: the relay sends a row to each of its audiences (or to none: scheduling events stay
 * internal), the raw loop one message per row, so messages/s (printed) would favour either side
 * by the backlog's mix.
 */
export const b5RelayDrain: Benchmark = {
  id: 'B5',
  title: 'relay draining a backlog',
  needs: { relay: true, topics: true },
  async run(ctx) {
    const { pool } = ctx.env.db;
    const setAside = await setAsideEarlierRows(pool);
    progress(`B5: a backlog of ${ctx.profile.b5.backlogPaths} paths' events`);
    const backlog = await fillBacklog(pool, ctx.profile.b5.backlogPaths);
    await pool.query('VACUUM ANALYZE outbox');
    const raw = await measureDrain(ctx, [ctx.env.topics.raw], () => drainRaw(ctx));
    await resetBacklog(pool);
    const topics = Object.values(Topics).flatMap((topic) => [topic, deadLetterTopicOf(topic)]);
    const relay = await measureDrain(ctx, topics.map((topic) => renameTopic(ctx.env.topics.prefix, topic)), () => drainRelay(ctx, backlog));
    const sum = (drained: Drained): number => [...drained.messages.values()].reduce((a, b) => a + b, 0);
    return {
      rows: [
        row('relay drain, outbox rows/s', perSecondOf(relay.rows / relay.seconds), perSecondOf(raw.rows / raw.seconds), { kind: 'ratio-at-least', min: RATIO }),
        row('relay messages/s', perSecondOf(sum(relay) / relay.seconds), perSecondOf(sum(raw) / raw.seconds), { kind: 'printed' }),
      ],
      checks: [await relayCheck(ctx, backlog, relay), await rawCheck(ctx, backlog, raw, sum(raw))],
      notes: [
        `relay: ${relay.rows} rows → ${sum(relay)} messages in ${relay.seconds.toFixed(1)} s; raw: ${raw.rows} rows → ${sum(raw)} messages in ${raw.seconds.toFixed(1)} s`,
        `batches of ${ctx.env.live.relay.batchSize}; ${setAside} rows of earlier benchmarks set aside (marked sent) first`,
      ],
    };
  },
};

/** Messages the drain put on `topics`, by topic, from their high watermarks before and after. */
async function measureDrain(ctx: BenchContext, topics: readonly string[], drain: () => Promise<{ rows: number; seconds: number }>): Promise<Drained> {
  const counts = async (): Promise<number[]> => Promise.all(topics.map((topic) => BenchTopics.messagesOn(ctx.env.kafka, [topic])));
  const before = await counts();
  const { rows, seconds } = await drain();
  const after = await counts();
  return { rows, seconds, messages: new Map(topics.map((topic, i) => [topic, (after[i] ?? 0) - (before[i] ?? 0)])) };
}

async function drainRaw(ctx: BenchContext): Promise<{ rows: number; seconds: number }> {
  const producer = ctx.env.kafka.producer(RELAY_PRODUCER);
  await producer.connect();
  try {
    progress('B5 raw: select, produce, mark');
    return await rawDrain(ctx.env.db.pool, producer, ctx.env.topics.raw, ctx.env.live.relay.batchSize, ctx.deadline, ctx.profile.b5.drainCapS * 1000);
  } finally {
    await producer.disconnect();
  }
}

/** From the start command to the last row's mark (its sent_at). */
async function drainRelay(ctx: BenchContext, backlog: number): Promise<{ rows: number; seconds: number }> {
  const relay = await ctx.env.children.relay();
  progress(`B5 relay: draining ${backlog} rows`);
  const begun = Date.now();
  await relay.startRelay(false);
  const count = async (): Promise<number> => backlog - (await backlogState(ctx.env.db.pool)).unsent;
  try {
    const rows = await awaitCount({ what: 'B5 relay rows sent', target: backlog, count, capMs: ctx.profile.b5.drainCapS * 1000, stallMs: STALLED_AFTER_MS }, ctx.deadline);
    return { rows, seconds: ((await backlogState(ctx.env.db.pool)).lastSentAt - begun) / 1000 };
  } finally {
    const trouble = await ctx.env.children.stopRelay();
    if (trouble) progress(`B5: ${trouble}`);
  }
}

async function relayCheck(ctx: BenchContext, backlog: number, relay: Drained): Promise<Check> {
  const state = await backlogState(ctx.env.db.pool);
  const expected = expectedMessages(ctx.profile.b5.backlogPaths);
  const wrong = [...relay.messages].filter(([topic, n]) => n !== (expected.get(topic.replace(ctx.env.topics.prefix, 'polku.')) ?? 0));
  const detail = `${backlog - state.unsent} of ${backlog} rows marked, ${state.parked} parked; ${wrong.length === 0 ? 'every topic got exactly its messages' : wrong.map(([topic, n]) => `${topic}: ${n}, expected ${expected.get(topic.replace(ctx.env.topics.prefix, 'polku.')) ?? 0}`).join('; ')}`;
  return check('the relay published every row once, to exactly its audiences, and marked it', state.unsent === 0 && state.parked === 0 && wrong.length === 0, detail);
}

async function rawCheck(ctx: BenchContext, backlog: number, raw: Drained, messages: number): Promise<Check> {
  const { unsent } = await backlogState(ctx.env.db.pool);
  return check('the raw loop produced every row once and marked it', raw.rows === backlog && messages === backlog && unsent === 0, `${raw.rows} of ${backlog} rows, ${messages} messages, ${unsent} left unsent`);
}
