import { retryHintOf } from './retry-hint';

describe('retryHintOf', () => {
  it.each([
    ['NETWORK.TIMEOUT', 'retryUnsure'],
    ['NETWORK.UNREACHABLE', 'retryUnsure'],
    ['INTERNAL', 'retryUnsure'],
    ['HTTP.502', 'retryUnsure'],
    ['IDEMPOTENCY.IN_PROGRESS', 'retryInProgress'],
    ['VALIDATION.INVALID_BODY', null],
    ['PATH.INVALID_TRANSITION', null],
    ['PATH.CLIENT_HAS_ACTIVE_PATH', null],
    ['IDEMPOTENCY.KEY_REUSED', null],
    ['HTTP.404', null],
  ])('%s → %s', (code, hint) => {
    expect(retryHintOf(code)).toBe(hint);
  });
});
