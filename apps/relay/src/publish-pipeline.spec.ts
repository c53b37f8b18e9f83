import type { PathState } from '@polku/domain';
import type { ProducerBatch } from 'kafkajs';
import { outgoingBatch, type OutgoingMessage } from './outgoing-batch';
import type { OutboxRow } from './outbox.repository';
import { PublishPipeline, type Pass } from './publish-pipeline';
import { Gate, settle, until } from './testing/manual';
import { MemoryOutbox, outboxRow as row } from './testing/memory-outbox';

const BATCH = 2;
const fence = { name: 'outbox-relay', holder: 'relay-a', epoch: 1 };
const log = { info: () => undefined, warn: () => undefined };
const toMessage = (event: OutboxRow['event']): OutgoingMessage => ({ topic: 'polku.servicepath.events.v1', key: event.streamId, value: event.eventId, headers: {} });
const parts = { states: { after: async (): Promise<PathState> => ({ status: 'NONE', version: 0 }) }, translate: (event: OutboxRow['event']) => [toMessage(event)], deadLetter: toMessage, log };

class KafkaJSConnectionError extends Error {
  override readonly name = 'KafkaJSConnectionError';
}

/** Two paths, three events each, interleaved in the outbox as they were appended: p-1 v1, p-2 v1, p-1 v2, … */
const twoPaths = (): OutboxRow[] => [1, 2, 3, 4, 5, 6].map((id) => row(id, `p-${2 - (id % 2)}`, Math.ceil(id / 2)));

/** A pipeline whose n-th send waits for `sends[n]` (when given); `acked` lists what the broker took. */
function pipelineOn(rows: OutboxRow[], options: { sends?: Gate[]; holds?: () => boolean; mayContinue?: () => boolean } = {}) {
  const outbox = new MemoryOutbox(rows, options.holds);
  const attempts: string[][] = [];
  const acked: string[][] = [];
  const sendBatch = async (batch: ProducerBatch): Promise<never[]> => {
    const ids = (batch.topicMessages ?? []).flatMap((topic) => topic.messages.map((message) => String(message.value)));
    const gate = options.sends?.[attempts.length];
    attempts.push(ids);
    await gate?.promise;
    acked.push(ids);
    return [];
  };
  const pipeline = new PublishPipeline({ outbox, producer: { sendBatch }, prepare: (batch) => outgoingBatch(batch, parts), log }, BATCH);
  const pass = { fence, mayContinue: options.mayContinue ?? (() => true), beforeRead: jest.fn(), fencedOff: jest.fn() } satisfies Pass;
  return { outbox, attempts, acked, pass, run: () => pipeline.run(pass) };
}

describe('PublishPipeline', () => {
  it('reads batch N+1 while N is sent, sends N+1 only after N was acked, and marks N while N+1 is sent', async () => {
    const sends = [new Gate(), new Gate(), new Gate()];
    const { outbox, attempts, acked, pass, run } = pipelineOn(twoPaths(), { sends });
    const marking = new Gate();
    outbox.beforeMark = () => marking.promise;
    const published = run();

    await until(() => outbox.reads.length === 2, 'the second batch read while the first is in flight');
    expect(outbox.reads[1]?.skip).toEqual(['1', '2']);
    await settle();
    expect(attempts).toEqual([['e-1', 'e-2']]); // one request in flight

    sends[0]?.open();
    await until(() => attempts.length === 2 && outbox.marks.length === 1, 'batch 2 sent while batch 1 is marked');
    expect([outbox.marks, acked.length]).toEqual([[['1', '2']], 1]);
    sends[1]?.open();
    await settle();
    expect(outbox.marks).toHaveLength(1); // batch 2 waits for batch 1's mark
    expect(attempts).toHaveLength(2); // and so does batch 3's send

    marking.open();
    sends[2]?.open();
    expect(await published).toBe(6);
    expect(acked).toEqual([['e-1', 'e-2'], ['e-3', 'e-4'], ['e-5', 'e-6']]);
    expect(outbox.marks).toEqual([['1', '2'], ['3', '4'], ['5', '6']]);
    expect(pass.beforeRead).toHaveBeenCalledTimes(outbox.reads.length);
  });

  it('after a failed send of batch N+1 while N was being marked, marks N, counts N+1 failed, sends nothing after it, and starts again with N+1', async () => {
    const sends = [new Gate(), new Gate()];
    const { outbox, attempts, acked, run } = pipelineOn(twoPaths(), { sends });
    const marking = new Gate();
    outbox.beforeMark = () => marking.promise;
    const failed = run();
    sends[0]?.open();
    await until(() => attempts.length === 2 && outbox.marks.length === 1, 'batch 2 sent while batch 1 is marked');
    sends[1]?.fail(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092'));
    marking.open();
    await expect(failed).rejects.toThrow('ECONNREFUSED');

    expect(outbox.sent).toEqual(['1', '2']);
    expect([...outbox.failures.keys()]).toEqual(['3', '4']);
    expect(outbox.reads).toHaveLength(3); // batch 3 was read, and dropped unsent
    expect(attempts).toHaveLength(2);

    outbox.beforeMark = async () => undefined;
    expect(await run()).toBe(4);
    expect(acked).toEqual([['e-1', 'e-2'], ['e-3', 'e-4'], ['e-5', 'e-6']]);
    expect(outbox.sent).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('ends the pass when the mark of batch N fails, before batch N+1 is marked; the next pass sends both again in order', async () => {
    const { outbox, acked, run } = pipelineOn(twoPaths());
    const marking = new Gate();
    outbox.beforeMark = () => marking.promise;
    const failed = run();
    await until(() => acked.length === 2, 'batch 2 sent while batch 1 is marked');
    marking.fail(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    await expect(failed).rejects.toThrow('terminating connection');
    expect([outbox.marks, outbox.sent]).toEqual([[['1', '2']], []]);

    outbox.beforeMark = async () => undefined;
    expect(await run()).toBe(6);
    expect(acked).toEqual([['e-1', 'e-2'], ['e-3', 'e-4'], ['e-1', 'e-2'], ['e-3', 'e-4'], ['e-5', 'e-6']]);
    expect(outbox.sent).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('after a failed read of batch N+1 while N is sent, still marks N, and the next pass goes on from N+1', async () => {
    const sends = [new Gate()];
    const { outbox, acked, run } = pipelineOn(twoPaths(), { sends });
    const read = outbox.unsent;
    outbox.unsent = async (limit, skip) => {
      if (outbox.reads.length === 1) {
        outbox.reads.push({ limit, skip: [...(skip ?? [])] });
        throw Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });
      }
      return read(limit, skip);
    };
    const failed = run();
    await until(() => outbox.reads.length === 2, 'the failed read of batch 2');
    await settle(); // the failed read waits, unhandled, while batch 1 is still being sent
    sends[0]?.open();
    await expect(failed).rejects.toThrow('Connection terminated');
    expect(outbox.sent).toEqual(['1', '2']);

    outbox.unsent = read;
    expect(await run()).toBe(4);
    expect(acked).toEqual([['e-1', 'e-2'], ['e-3', 'e-4'], ['e-5', 'e-6']]);
  });

  it('ends the pass when the fence refuses a mark, and marks nothing sent after it', async () => {
    const { outbox, acked, pass, run } = pipelineOn(twoPaths(), { holds: () => false });
    expect(await run()).toBe(0);
    expect(pass.fencedOff).toHaveBeenCalledTimes(1);
    expect(outbox.marks).toEqual([['1', '2']]);
    expect(acked).toHaveLength(2); // at most the one batch sent while the refused mark was under way
  });

  it('sends no further batch once it may not continue (lease running short, or stopping), and marks what it sent', async () => {
    let sends = 0;
    const { outbox, acked, run } = pipelineOn(twoPaths(), { mayContinue: () => (sends += 1) === 1 });
    expect(await run()).toBe(2);
    expect([acked, outbox.sent]).toEqual([[['e-1', 'e-2']], ['1', '2']]);
  });
});
