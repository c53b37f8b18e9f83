import { StartPathRequestSchema } from './path.messages';
import { ALL_TOPICS, deadLetterTopicOf, Topics } from './topics';

describe('StartPathRequestSchema', () => {
  it('accepts a pseudonymous reference and an area', () => {
    const body = { clientReference: 'cref_8f3a9b21c0d4e5f6', employmentArea: 'Hämeenlinna', municipality: 'Hattula', coachId: 'coach-17' };
    expect(StartPathRequestSchema.parse(body)).toEqual({ ...body, referralSource: 'SELF_REGISTRATION' });
  });

  it.each([
    ['an identity code as the reference', { clientReference: '131052-308T', employmentArea: 'Lahti', municipality: 'Lahti', coachId: 'coach-1' }],
    ['an unknown field', { clientReference: 'cref_8f3a9b21c0d4e5f6', employmentArea: 'Lahti', municipality: 'Lahti', coachId: 'coach-1', name: 'x' }],
    ['a missing municipality', { clientReference: 'cref_8f3a9b21c0d4e5f6', employmentArea: 'Lahti', coachId: 'coach-1' }],
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
