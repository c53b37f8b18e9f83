import { DEAD_LETTER_HEADERS } from '@polku/contracts';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

export interface DeadLetterSource {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly groupId: string;
}

/** The parked copy: the original key, value and headers unchanged, plus why and where from. */
export function deadLetterOfConsumedRecord(source: DeadLetterSource, reason: string): Message {
  const { message } = source;
  const headers: IHeaders = {
    ...(message.headers ?? {}),
    [DEAD_LETTER_HEADERS.reason]: reason,
    [DEAD_LETTER_HEADERS.originalTopic]: source.topic,
    [DEAD_LETTER_HEADERS.originalPartition]: String(source.partition),
    [DEAD_LETTER_HEADERS.originalOffset]: message.offset,
    [DEAD_LETTER_HEADERS.consumerGroup]: source.groupId,
  };
  return { key: message.key, value: message.value, headers };
}
