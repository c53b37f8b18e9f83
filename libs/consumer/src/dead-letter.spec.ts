import { DEAD_LETTER_HEADERS } from '@polku/contracts';
import { deadLetterOfConsumedRecord } from './dead-letter';

describe('deadLetterOfConsumedRecord', () => {
  it('keeps key, value and headers and adds where the record came from and why', () => {
    const message = { key: Buffer.from('path-1'), value: Buffer.from('junk'), headers: { 'ce-type': 'x' }, offset: '41', timestamp: '0', attributes: 0, size: undefined };
    const letter = deadLetterOfConsumedRecord({ topic: 'polku.servicepath.municipal.v1', partition: 3, message, groupId: 'polku-municipal-consumer' }, 'INVALID_JSON: the value is not JSON');
    expect(letter).toEqual({
      key: message.key,
      value: message.value,
      headers: {
        'ce-type': 'x',
        [DEAD_LETTER_HEADERS.reason]: 'INVALID_JSON: the value is not JSON',
        [DEAD_LETTER_HEADERS.originalTopic]: 'polku.servicepath.municipal.v1',
        [DEAD_LETTER_HEADERS.originalPartition]: '3',
        [DEAD_LETTER_HEADERS.originalOffset]: '41',
        [DEAD_LETTER_HEADERS.consumerGroup]: 'polku-municipal-consumer',
      },
    });
  });
});
