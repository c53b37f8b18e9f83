import { entityId, freeText, plainText, staffUserId } from './fields';

describe('text fields staff type', () => {
  it.each(['a\u0000b', 'bell\u0007', 'escape\u001b[0m', 'delete\u007f'])('refuses the control character in %j', (text) => {
    expect(freeText(100).safeParse(text).success).toBe(false);
    expect(plainText(1, 100).safeParse(text).success).toBe(false);
  });

  it('keeps line breaks and tabs, and trims', () => {
    expect(freeText(100).parse('  first line\n\tsecond line ')).toBe('first line\n\tsecond line');
  });

  it.each(['asiakas 131052-308T', '131052A308T soitti', 'hetu:010594Y9032', 'ID131052-308T', '131052\u2013308t', 'tilaus 9131052-308T1'])('refuses an identity code inside %j', (text) => {
    expect(freeText(100).safeParse(text).success).toBe(false);
    expect(entityId.safeParse(text.replace(/\s/g, '')).success).toBe(false);
  });

  it('lets a long number through that merely holds the shape of a code that is not valid', () => {
    expect(freeText(100).safeParse('tilaus 9131052-308X1').success).toBe(true);
  });
});

describe('ids and names', () => {
  it.each([
    ['an entity id', entityId],
    ['a staff user id', staffUserId],
    ['a municipality-like text', plainText(2, 80)],
  ])('refuse %s that is an identity code', (_label, schema) => {
    expect(schema.safeParse('131052-308T').success).toBe(false);
    expect(schema.safeParse('trial-131052-308T').success).toBe(false);
    expect(schema.safeParse('trial-2026-1').success).toBe(true);
  });
});
