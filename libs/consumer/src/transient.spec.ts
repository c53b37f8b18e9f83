import { failureCode, isTransient } from './transient';

describe('isTransient', () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['admin shutdown (57P01)', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['serialization failure (40001)', Object.assign(new Error('could not serialize'), { code: '40001' })],
    ['too many connections (53300)', Object.assign(new Error('too many clients'), { code: '53300' })],
    ['a dropped connection without a code', new Error('Connection terminated unexpectedly')],
  ])('retries on %s', (_what, error) => expect(isTransient(error)).toBe(true));

  it.each([
    ['a unique violation (23505)', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['an invalid date (22007)', Object.assign(new Error('invalid input syntax'), { code: '22007' })],
    ['a handler bug', new TypeError('x is undefined')],
    ['a thrown string', 'boom'],
  ])('dead-letters on %s', (_what, error) => expect(isTransient(error)).toBe(false));
});

describe('failureCode', () => {
  it('says what failed by code or error name, never by message', () => {
    expect(failureCode(Object.assign(new Error('invalid input syntax for type date: "secret"'), { code: '22007' }))).toBe('HANDLER_FAILED: 22007');
    expect(failureCode(new TypeError('secret'))).toBe('HANDLER_FAILED: TypeError');
    expect(failureCode('secret')).toBe('HANDLER_FAILED');
  });
});
