import { isTransient } from './transient';

/**
 * The database bounds every call now (createPool). When one trips, the link or the server is at
 * fault, not the event: the consumer must retry the message, never dead-letter a good one.
 */
describe('isTransient on a tripped database bound', () => {
  it.each([
    ['a statement cancelled by statement_timeout (57014)', Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })],
    ['a session ended by idle_in_transaction_session_timeout (25P03)', Object.assign(new Error('terminating connection due to idle-in-transaction timeout'), { code: '25P03' })],
    ['the client-side query timeout on a stalled link', new Error('Query read timeout')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ['a client whose connection died while idle', new Error('Client has encountered a connection error and is not queryable')],
  ])('retries on %s', (_what, error) => expect(isTransient(error)).toBe(true));

  it('still dead-letters other invalid-transaction-state errors (25xxx)', () => {
    expect(isTransient(Object.assign(new Error('read-only transaction'), { code: '25006' }))).toBe(false);
  });
});
