import { isBusinessId } from './business-id';

describe('isBusinessId (Y-tunnus)', () => {
  it.each(['0737546-2', '1572860-0', '0112038-9', '2617416-4'])('accepts %s', (id) => {
    expect(isBusinessId(id)).toBe(true);
  });

  it.each(['0737546-3', '0737546', '737546-2', '0737546_2', '1572860-1', ''])('rejects %s', (id) => {
    expect(isBusinessId(id)).toBe(false);
  });
});
