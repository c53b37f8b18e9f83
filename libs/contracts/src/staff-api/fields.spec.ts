import { entityId, freeText, plainText, staffUserId } from './fields';

describe('text fields staff type', () => {
  it.each(['a\u0000b', 'bell\u0007', 'escape\u001b[0m', 'delete\u007f'])('refuses the control character in %j', (text) => {
    expect(freeText(100).safeParse(text).success).toBe(false);
    expect(plainText(1, 100).safeParse(text).success).toBe(false);
  });

  it('keeps line breaks and tabs, and trims', () => {
    expect(freeText(100).parse('  first line\n\tsecond line ')).toBe('first line\n\tsecond line');
  });

  it.each(['asiakas 131052-308T', '131052A308T soitti', 'hetu:010594Y9032'])('refuses an identity code inside %j', (text) => {
    expect(freeText(100).safeParse(text).success).toBe(false);
  });

  it('lets a long number or an id that merely contains the shape through', () => {
    expect(freeText(100).safeParse('tilaus 9131052-308T1').success).toBe(true);
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
