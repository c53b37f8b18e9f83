import { eventIdFor } from './event-id';

describe('eventIdFor', () => {
  it('is stable for the same stream and version', () => {
    expect(eventIdFor('p-1', 3)).toBe(eventIdFor('p-1', 3));
  });

  it('differs across versions and streams', () => {
    const ids = new Set([eventIdFor('p-1', 1), eventIdFor('p-1', 2), eventIdFor('p-2', 1)]);
    expect(ids.size).toBe(3);
  });

  it('is a version-5 RFC 4122 UUID', () => {
    expect(eventIdFor('p-1', 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
