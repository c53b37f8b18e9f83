import { DEAD_LETTER_HEADERS } from '@polku/contracts';
import type { Message } from 'kafkajs';
import type { DeadLetterRecord } from './dead-letter-record';
import { replayDeadLetters, type ReplayParts } from './dlq-replay';
import { parseReplayArgs } from './replay-args';
import type { Reopened } from './replay.repository';

const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'] as const;
const MUNICIPAL_DLQ = 'polku.servicepath.municipal.v1.dlq';

function consumerParked(offset: number, eventId: string, key = `path-${eventId.slice(0, 1)}`): DeadLetterRecord {
  const headers = { 'event-id': eventId, 'event-type': 'fi.polku.servicepath.PathStarted.v1', [DEAD_LETTER_HEADERS.originalTopic]: 'polku.servicepath.municipal.v1', [DEAD_LETTER_HEADERS.reason]: 'X' };
  return { topic: MUNICIPAL_DLQ, partition: 0, offset: String(offset), timestamp: '1', key: Buffer.from(key), value: Buffer.from('{}'), headers };
}

/** The tool's parts in memory: a DLQ, the store's events (id → path), what was published and remembered. */
function partsWith(records: DeadLetterRecord[], stored: Record<string, string>) {
  const published: { topic: string; message: Message }[] = [];
  const remembered = new Set<string>();
  const parts: ReplayParts = {
    read: async () => records,
    publish: async (topic, message) => void published.push({ topic, message }),
    replays: {
      reopen: async (): Promise<Reopened> => 'reopened',
      wasReplayed: async (record) => remembered.has(record.offset),
      remember: async (record) => void remembered.add(record.offset),
      streamOf: async (eventId) => stored[eventId],
    },
  };
  return { parts, published };
}

describe('replayDeadLetters', () => {
  it('re-publishes each consumer dead letter once: a second run skips what the first replayed', async () => {
    const { parts, published } = partsWith([consumerParked(0, ids[0]), consumerParked(1, ids[1])], { [ids[0]]: 'path-1', [ids[1]]: 'path-2' });
    const first = await replayDeadLetters(parts, { topic: MUNICIPAL_DLQ, eventIds: [] });
    expect(first.outcomes.map((o) => [o.action, o.eventId])).toEqual([['replayed', ids[0]], ['replayed', ids[1]]]);
    expect(published.map((p) => [p.topic, p.message.headers?.['event-id']])).toEqual([['polku.servicepath.municipal.v1', ids[0]], ['polku.servicepath.municipal.v1', ids[1]]]);
    const second = await replayDeadLetters(parts, { topic: MUNICIPAL_DLQ, eventIds: [] });
    expect(second.outcomes.map((o) => [o.action, o.detail])).toEqual([['skipped', 'already replayed'], ['skipped', 'already replayed']]);
    expect(published).toHaveLength(2);
  });

  it('replays only the records of the events named with --id', async () => {
    const { parts, published } = partsWith([consumerParked(0, ids[0]), consumerParked(1, ids[1])], { [ids[0]]: 'path-1', [ids[1]]: 'path-2' });
    const report = await replayDeadLetters(parts, parseReplayArgs([MUNICIPAL_DLQ, '--id', ids[1]]) as { topic: string; eventIds: string[] });
    expect([report.read, report.notSelected, report.outcomes.map((o) => o.eventId)]).toEqual([2, 1, [ids[1]]]);
    expect(published.map((p) => p.message.headers?.['event-id'])).toEqual([ids[1]]);
  });

  it('does not publish a dead letter whose event this store does not hold under that path', async () => {
    const { parts, published } = partsWith([consumerParked(0, ids[2]), consumerParked(1, ids[0], 'path-9')], { [ids[0]]: 'path-1' });
    const report = await replayDeadLetters(parts, { topic: MUNICIPAL_DLQ, eventIds: [] });
    expect(report.outcomes.map((o) => [o.action, o.detail])).toEqual([
      ['skipped', 'not an event of this store under its path key'],
      ['skipped', 'not an event of this store under its path key'],
    ]);
    expect(published).toEqual([]);
  });
});

describe('parseReplayArgs', () => {
  it('takes a dead-letter topic and any number of --id', () => {
    expect(parseReplayArgs(['polku.servicepath.events.v1.dlq'])).toEqual({ topic: 'polku.servicepath.events.v1.dlq', eventIds: [] });
    expect(parseReplayArgs([MUNICIPAL_DLQ, '--id', 'a', '--id', 'b'])).toEqual({ topic: MUNICIPAL_DLQ, eventIds: ['a', 'b'] });
  });

  it.each([[[]], [['polku.servicepath.municipal.v1']], [[MUNICIPAL_DLQ, '--id']], [[MUNICIPAL_DLQ, 'x']]])('refuses %j', (args) => {
    expect(parseReplayArgs(args)).toHaveProperty('error');
  });
});
