import { deadLetterTopicOf, Topics } from '@polku/contracts';

/** The dead-letter topics the tool replays from: the relay's and each consumer's. */
export const DEAD_LETTER_TOPICS: readonly string[] = Object.values(Topics).map(deadLetterTopicOf);

export const USAGE = `usage: npm run dlq:replay -- <topic> [--id <eventId>]...
  <topic>  one of ${DEAD_LETTER_TOPICS.join(', ')}
  --id     replay only the records of this event (repeatable); without it, every record not replayed before`;

export interface ReplayRequest {
  readonly topic: string;
  /** Empty: every record. */
  readonly eventIds: readonly string[];
}

/** `<topic> [--id <eventId>]...` → the request, or what is wrong with the arguments. */
export function parseReplayArgs(args: readonly string[]): ReplayRequest | { readonly error: string } {
  const [topic, ...rest] = args;
  if (topic === undefined || !DEAD_LETTER_TOPICS.includes(topic)) return { error: `not a dead-letter topic: ${topic ?? '(none)'}` };
  const eventIds: string[] = [];
  for (let index = 0; index < rest.length; index += 2) {
    const [flag, value] = [rest[index], rest[index + 1]];
    if (flag !== '--id' || value === undefined || value.startsWith('--')) return { error: `unexpected argument: ${flag}` };
    eventIds.push(value);
  }
  return { topic, eventIds };
}
