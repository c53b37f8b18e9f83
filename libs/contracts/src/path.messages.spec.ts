import { StartPathRequestSchema } from './path.messages';
import { ALL_TOPICS, deadLetterTopicOf, Topics } from './topics';

describe('StartPathRequestSchema', () => {
  it('accepts a pseudonymous reference and an area', () => {
    const body = { clientReference: 'cref_8f3a9b21c0d4e5f6', employmentArea: 'Hämeenlinna' };
    expect(StartPathRequestSchema.parse(body)).toEqual(body);
  });

  it.each([
    ['an identity code as the reference', { clientReference: '131052-308T', employmentArea: 'Lahti' }],
    ['an unknown field', { clientReference: 'cref_8f3a9b21c0d4e5f6', employmentArea: 'Lahti', name: 'x' }],
    ['a missing area', { clientReference: 'cref_8f3a9b21c0d4e5f6' }],
  ])('rejects %s', (_label, body) => {
    expect(StartPathRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('topics', () => {
  it('lists every audience topic with its dead-letter topic', () => {
    expect(ALL_TOPICS).toEqual([
      Topics.events,
      'polku.servicepath.events.v1.dlq',
      Topics.municipal,
      'polku.servicepath.municipal.v1.dlq',
      Topics.wellbeing,
      'polku.servicepath.wellbeing.v1.dlq',
    ]);
    expect(deadLetterTopicOf(Topics.wellbeing)).toBe('polku.servicepath.wellbeing.v1.dlq');
  });
});
