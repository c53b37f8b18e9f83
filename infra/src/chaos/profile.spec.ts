import { FAULT_IDS, FULL, parseChaosArgs, SHORT } from './profile';
import { STORM_ITEMS_PER_PATH } from './storm';

describe('npm run chaos arguments', () => {
  it('runs every fault on the short profile by default, F8 after the others whose histories it replays', () => {
    expect(parseChaosArgs([])).toEqual({ profile: SHORT, keep: false, faults: FAULT_IDS, quiet: false, stop: false });
    expect(FAULT_IDS.indexOf('F8')).toBe(FAULT_IDS.length - 1);
  });

  it('takes --full, --keep, --quiet and a subset of faults in run order', () => {
    expect(parseChaosArgs(['--full', '--keep', '--quiet', '--only=f8,F1'])).toEqual({ profile: FULL, keep: true, faults: ['F1', 'F8'], quiet: true, stop: false });
  });

  it('refuses what it does not know rather than running something else', () => {
    expect(() => parseChaosArgs(['--ful'])).toThrow(/unknown arguments --ful/);
    expect(() => parseChaosArgs(['--only=F10'])).toThrow(/names no fault/);
  });

  it('gives the full profile’s worker kill at least 1,000 due items', () => {
    expect(FULL.workerKillStormPaths * STORM_ITEMS_PER_PATH).toBeGreaterThanOrEqual(1_000);
  });
});
