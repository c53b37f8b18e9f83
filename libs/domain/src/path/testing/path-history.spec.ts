import { given, STATES } from './path-fixtures';
import { HISTORY, type HistoryName } from './path-history';

/**
 * The decider tables start from recorded events; the commands of path-fixtures' STEP are the
 * other way to reach those states. Both must stay one path: if a decision changes, this fails
 * once (and the table's own rows for that command), not every row of every table.
 */
describe('the recorded path history', () => {
  it('has the states the command fixtures have', () => {
    expect(Object.keys(HISTORY).sort()).toEqual(Object.keys(STATES).sort());
  });

  it.each(Object.keys(HISTORY) as HistoryName[])('%s is what its commands decide', (name) => {
    expect(given(...STATES[name]).events).toEqual(HISTORY[name]);
  });
});
