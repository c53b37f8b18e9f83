import { databaseUrlFor, kafkaFor, loadConfig } from '@polku/config';
import { createPool } from '@polku/event-store';
import { createKafka } from '@polku/kafka';
import type { Message } from 'kafkajs';
import { readToEnd } from './dead-letter-reader';
import { replayDeadLetters, type ReplayReport } from './dlq-replay';
import { parseReplayArgs, USAGE } from './replay-args';
import { ReplayRepository } from './replay.repository';

/**
 * `npm run dlq:replay -- <topic> [--id <eventId>]...`: puts parked events back after a fix, as
 * the relay principal (the only one that may write the audience topics). Prints ids, types and
 * positions only, never a record's data.
 */
async function main(): Promise<number> {
  const request = parseReplayArgs(process.argv.slice(2));
  if ('error' in request) {
    write(process.stderr, `${request.error}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const kafka = createKafka(kafkaFor(config, 'relay'), (level, message) => {
    if (level === 'error') write(process.stderr, message);
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  // The relay's role too: it reads events, re-queues outbox rows and records replays.
  const pool = createPool(databaseUrlFor(config, 'relay'), 2);
  try {
    await producer.connect();
    const publish = async (topic: string, message: Message) => void (await producer.send({ topic, acks: -1, messages: [message] }));
    printReport(await replayDeadLetters({ read: (topic) => readToEnd(kafka, topic), publish, replays: new ReplayRepository(pool) }, request));
    return 0;
  } finally {
    await Promise.allSettled([producer.disconnect(), pool.end()]);
  }
}

function printReport(report: ReplayReport): void {
  for (const outcome of report.outcomes) {
    const where = `${outcome.topic}[${outcome.partition}]@${outcome.offset}`;
    write(process.stdout, `${outcome.action.padEnd(8)} ${where} ${outcome.eventId ?? '-'} ${outcome.type ?? '-'}: ${outcome.detail}`);
  }
  const replayed = report.outcomes.filter((outcome) => outcome.action === 'replayed').length;
  write(process.stdout, `${report.read} records read, ${replayed} replayed, ${report.outcomes.length - replayed} skipped, ${report.notSelected} not selected`);
}

function write(stream: NodeJS.WriteStream, line: string): void {
  stream.write(`${line}\n`);
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    write(process.stderr, `dlq:replay failed: ${(error as Error).name}: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
