/**
 * Kafka topic names. Topics are created by project code (`ensureTopics` in @polku/kafka);
 * the broker runs with auto-creation off, so a name missing here is a topic that does not exist.
 */
export const Topics = {
  /** Internal, full stream of path events (still no identity codes). */
  events: 'polku.servicepath.events.v1',
  /** Employment-area systems: path lifecycle, no health data. */
  municipal: 'polku.servicepath.municipal.v1',
  /** Wellbeing-county systems: only clients with a legal basis or consent. */
  wellbeing: 'polku.servicepath.wellbeing.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export function deadLetterTopicOf(topic: TopicName): string {
  return `${topic}.dlq`;
}

/** Every topic the project owns, dead-letter topics included. */
export const ALL_TOPICS: readonly string[] = Object.values(Topics).flatMap((topic) => [
  topic,
  deadLetterTopicOf(topic),
]);
