import { ageBandOn } from './age-band';
import { maxRealisedDays } from './decisions/rehabilitative-work-days.decision';
import type { PathCommand } from './path.commands';
import * as f from './testing/path-fixtures';
import { given, rejection, STATES } from './testing/path-fixtures';

/**
 * Realised days of rehabilitative work activity (DOMAIN.md: 1–4 days a week): a month's days are
 * bounded by the period's days a week in the part of the month that lies in the period and has passed.
 */
const REHAB = f.startSideService('2026-02-02', '2026-06-30', { serviceId: 'rehab-1', kind: 'REHABILITATIVE_WORK_ACTIVITY', daysPerWeek: 3, hoursPerDay: 5, reviewOn: '2026-04-15' });
const EDUCATION_TRIAL = f.startSideService('2026-02-02', '2026-02-05', { serviceId: 'ss-1' });
const ONGOING = [...STATES.ASSESSMENT_STARTED, REHAB, EDUCATION_TRIAL];
const days = f.recordRehabilitativeWorkDays;
const accepted = { accepted: ['RehabilitativeWorkDaysRecorded'] };
const outOfRange = (field: string, facts: Record<string, string | number>) => ({ code: 'VALIDATION.OUT_OF_RANGE' as const, facts: { field, ...facts } });
const monthOutside = outOfRange('month', { min: '2026-02', max: '2026-06' });

type Row = readonly [label: string, history: readonly PathCommand[], command: PathCommand, expected: ReturnType<typeof rejection>];

describe('RecordRehabilitativeWorkDays', () => {
  it.each<Row>([
    // February 2026 from Mon 2.2.: four full weeks at 3 days a week.
    ['12 days in February: 4 weeks × 3', ONGOING, days('2026-03-02', '2026-02', 12), accepted],
    ['13 days in February', ONGOING, days('2026-03-02', '2026-02', 13), outOfRange('realisedDays', { min: 0, max: 12 })],
    ['0 days in February', ONGOING, days('2026-03-02', '2026-02', 0), accepted],
    // On Wed 11.3.: weeks 2.–6.3. (3) and 9.–11.3. (3 working days so far).
    ['6 days in March by the 11th', ONGOING, days('2026-03-11', '2026-03', 6), accepted],
    ['7 days in March by the 11th', ONGOING, days('2026-03-11', '2026-03', 7), outOfRange('realisedDays', { min: 0, max: 6 })],
    ['half a day', ONGOING, days('2026-03-02', '2026-02', 2.5), outOfRange('realisedDays', { min: 0, max: 12 })],
    ['a negative count', ONGOING, days('2026-03-02', '2026-02', -1), outOfRange('realisedDays', { min: 0, max: 12 })],
    ['a month before the period', ONGOING, days('2026-03-02', '2026-01', 1), monthOutside],
    ['a month not yet begun', ONGOING, days('2026-03-11', '2026-04', 1), monthOutside],
    ['a month after the planned end', ONGOING, days('2026-07-15', '2026-07', 1), monthOutside],
    ['not a month', ONGOING, days('2026-03-02', '2026-13', 1), { code: 'VALIDATION.INVALID_DATE' as const, facts: { field: 'month' } }],
    ['an education trial’s id', ONGOING, days('2026-03-02', '2026-02', 1, 'ss-1'), { code: 'SIDE_SERVICE.UNKNOWN' as const, facts: { serviceId: 'ss-1' } }],
    ['no rehabilitative period at all', STATES.ASSESSMENT_STARTED, days('2026-03-02', '2026-02', 1), { code: 'SIDE_SERVICE.UNKNOWN' as const, facts: { serviceId: 'rehab-1' } }],
    // Ended on Fri 20.3.: three weeks of March, recorded in April.
    ['9 days in March of a period ended on 20.3.', [...ONGOING, f.endSideService('2026-03-20', 'rehab-1')], days('2026-04-02', '2026-03', 9), accepted],
    ['10 days in March of a period ended on 20.3.', [...ONGOING, f.endSideService('2026-03-20', 'rehab-1')], days('2026-04-02', '2026-03', 10), outOfRange('realisedDays', { min: 0, max: 9 })],
    ['recorded after the exit, up to the exit day', [...ONGOING, f.exitPath('2026-03-20')], days('2026-04-02', '2026-03', 9), accepted],
    ['after the exit, more than its days', [...ONGOING, f.exitPath('2026-03-20')], days('2026-04-02', '2026-03', 10), outOfRange('realisedDays', { min: 0, max: 9 })],
    ['while paused', [...ONGOING, f.pausePath('2026-03-03')], days('2026-03-04', '2026-02', 12), accepted],
    ['a correction of a recorded month', [...ONGOING, days('2026-03-02', '2026-02', 12)], days('2026-03-03', '2026-02', 11), accepted],
  ])('%s', (_label, history, command, expected) => {
    expect(rejection(given(...history).state, command)).toEqual(expected);
  });

  it('records exactly the command’s data', () => {
    const command = days('2026-03-02', '2026-02', 12);
    expect(given(...ONGOING, command).events.at(-1)).toEqual({ type: 'RehabilitativeWorkDaysRecorded', data: { serviceId: 'rehab-1', month: '2026-02', realisedDays: 12 }, metadata: command.metadata });
  });
});

describe('maxRealisedDays', () => {
  it.each([
    ['March 2026 at 5 days a week: its 22 working days', '2026-03-01', '2026-03-31', 5, 22],
    ['March 2026 at 1 day a week: 5 weeks touch it', '2026-03-01', '2026-03-31', 1, 5],
    ['a weekend only', '2026-03-07', '2026-03-08', 4, 0],
    ['Mon–Tue of a week at 4 days a week', '2026-03-30', '2026-03-31', 4, 2],
  ])('%s', (_label, from, until, perWeek, max) => {
    expect(maxRealisedDays(from, until, perWeek)).toBe(max);
  });
});

describe('ageBandOn', () => {
  it.each([
    ['2001-05-15', '2026-05-14', 'UNDER_25'],
    ['2001-05-15', '2026-05-15', 'FROM_25_UNDER_30'],
    ['1996-05-15', '2026-05-14', 'FROM_25_UNDER_30'],
    ['1996-05-15', '2026-05-15', 'FROM_30'],
    ['1996-02-29', '2026-02-28', 'FROM_30'],
  ])('born %s, on %s: %s', (birthDate, on, band) => {
    expect(ageBandOn(birthDate, on)).toBe(band);
  });
});
