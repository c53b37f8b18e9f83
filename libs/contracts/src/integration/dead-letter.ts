/**
 * Headers a consumer adds when it parks a record on `<topic>.dlq`; the value and the original
 * headers are kept unchanged. No header may carry the record's content: the reason is a code
 * and a message written by the consumer, never a field value.
 */
export const DEAD_LETTER_HEADERS = {
  reason: 'dlq-reason',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
} as const;
