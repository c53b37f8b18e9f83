import type { PathCommand } from './path.commands';
import * as f from './testing/path-fixtures';
import { ORGANISER, rejection, stateOf, type StateName } from './testing/path-fixtures';

/**
 * Limits of the services (DOMAIN.md "The path"): each row is one command in one state and its
 * exact error, with the row at the limit accepted beside it so that an off-by-one shows.
 */
type Row = readonly [label: string, state: StateName, command: PathCommand, expected: ReturnType<typeof rejection>];
const accepted = (...types: string[]) => ({ accepted: types });

const trial = (startOn: string, plannedEndOn: string, data: Partial<Extract<PathCommand, { type: 'StartWorkTrial' }>['data']> = {}) =>
  f.startWorkTrial(startOn, plannedEndOn, data);
const subsidy = (endOn: string, data: Partial<Extract<PathCommand, { type: 'StartWageSubsidy' }>['data']> = {}) => f.startWageSubsidy('2026-02-09', endOn, data);
const rehab = (plannedEndOn: string, data: Partial<Extract<PathCommand, { type: 'StartSideService' }>['data']> = {}) =>
  f.startSideService('2026-02-02', plannedEndOn, { kind: 'REHABILITATIVE_WORK_ACTIVITY', daysPerWeek: 3, hoursPerDay: 5, reviewOn: '2026-04-15', ...data });
const TRIAL_STARTED = ['WorkTrialStarted', 'DeadlinesScheduled'];

describe('work trial limits', () => {
  it.each<Row>([
    ['plannedEndOn one day past start + 6 months', 'ASSESSMENT_RECORDED', trial('2026-02-09', '2026-08-10'), { code: 'WORK_TRIAL.LIMIT_EXCEEDED', facts: { limit: '2026-08-09', requested: '2026-08-10' } }],
    ['plannedEndOn exactly start + 6 months', 'ASSESSMENT_RECORDED', trial('2026-02-09', '2026-08-09'), accepted(...TRIAL_STARTED)],
    ['6 months from 31.8. end on 28.2. (clamped)', 'ASSESSMENT_RECORDED', trial('2026-08-31', '2027-03-01'), { code: 'WORK_TRIAL.LIMIT_EXCEEDED', facts: { limit: '2027-02-28', requested: '2027-03-01' } }],
    ['an extension one day past start + 6 months', 'WORK_TRIAL_ONGOING', f.extendWorkTrial('2026-04-01', '2026-08-10'), { code: 'WORK_TRIAL.LIMIT_EXCEEDED', facts: { limit: '2026-08-09', requested: '2026-08-10' } }],
    ['an extension to exactly start + 6 months', 'WORK_TRIAL_ONGOING', f.extendWorkTrial('2026-04-01', '2026-08-09'), accepted('WorkTrialExtended', 'ScheduledItemsCancelled', 'DeadlinesScheduled')],
    ['an "extension" to the same end', 'WORK_TRIAL_ONGOING', f.extendWorkTrial('2026-04-01', '2026-05-08'), { code: 'VALIDATION.DATE_ORDER', facts: { field: 'plannedEndOn' } }],
    ['a private person as organiser', 'ASSESSMENT_RECORDED', trial('2026-02-09', '2026-05-08', { organiser: { ...ORGANISER, kind: 'PRIVATE_PERSON' } }), { code: 'WORK_TRIAL.ORGANISER_NOT_ALLOWED', facts: { kind: 'PRIVATE_PERSON', isCurrentEmployer: false } }],
    ['the client’s current employer', 'ASSESSMENT_RECORDED', trial('2026-02-09', '2026-05-08', { organiser: { ...ORGANISER, isCurrentEmployer: true } }), { code: 'WORK_TRIAL.ORGANISER_NOT_ALLOWED', facts: { kind: 'COMPANY', isCurrentEmployer: true } }],
    ['a municipality', 'ASSESSMENT_RECORDED', trial('2026-02-09', '2026-05-08', { organiser: { ...ORGANISER, kind: 'MUNICIPALITY' } }), accepted(...TRIAL_STARTED)],
    ['a foundation', 'ASSESSMENT_RECORDED', trial('2026-02-09', '2026-05-08', { organiser: { ...ORGANISER, kind: 'FOUNDATION' } }), accepted(...TRIAL_STARTED)],
    ['an association', 'ASSESSMENT_RECORDED', trial('2026-02-09', '2026-05-08', { organiser: { ...ORGANISER, kind: 'ASSOCIATION' } }), accepted(...TRIAL_STARTED)],
    ['a state agency', 'ASSESSMENT_RECORDED', trial('2026-02-09', '2026-05-08', { organiser: { ...ORGANISER, kind: 'STATE_AGENCY' } }), accepted(...TRIAL_STARTED)],
  ])('%s', (_label, state, command, expected) => {
    expect(rejection(stateOf(state), command)).toEqual(expected);
  });
});

describe('wage subsidy limits', () => {
  const SUBSIDY_STARTED = ['WageSubsidyStarted', 'DeadlinesScheduled'];
  it.each<Row>([
    ['100 % for a company', 'ASSESSMENT_RECORDED', subsidy('2026-07-08', { rate: 100, workingTimePercent: 50 }), { code: 'WAGE_SUBSIDY.RATE_NOT_ALLOWED', facts: { rate: 100, employerKind: 'COMPANY', workingTimePercent: 50 } }],
    ['100 % for an association above 65 %', 'ASSESSMENT_RECORDED', subsidy('2026-07-08', { rate: 100, employerKind: 'ASSOCIATION', workingTimePercent: 66 }), { code: 'WAGE_SUBSIDY.RATE_NOT_ALLOWED', facts: { rate: 100, employerKind: 'ASSOCIATION', workingTimePercent: 66 } }],
    ['100 % for an association at 65 %', 'ASSESSMENT_RECORDED', subsidy('2026-07-08', { rate: 100, employerKind: 'ASSOCIATION', workingTimePercent: 65 }), accepted(...SUBSIDY_STARTED)],
    ['70 % for a company full time', 'ASSESSMENT_RECORDED', subsidy('2026-07-08', { rate: 70 }), accepted(...SUBSIDY_STARTED)],
    ['a rate that does not exist', 'ASSESSMENT_RECORDED', subsidy('2026-07-08', { rate: 60 as 50 }), { code: 'WAGE_SUBSIDY.RATE_NOT_ALLOWED', facts: { rate: 60 } }],
    ['a period one day past 24 months', 'ASSESSMENT_RECORDED', subsidy('2028-02-10'), { code: 'WAGE_SUBSIDY.LIMIT_EXCEEDED', facts: { limit: '2028-02-09', requested: '2028-02-10' } }],
    ['a period of exactly 24 months', 'ASSESSMENT_RECORDED', subsidy('2028-02-09'), accepted(...SUBSIDY_STARTED)],
    ['a second subsidy while one is ongoing', 'WAGE_SUBSIDY_ONGOING', subsidy('2026-12-31', { subsidyId: 'ws-2' }), { code: 'PATH.INVALID_TRANSITION', facts: { from: 'WAGE_SUBSIDY', to: 'StartWageSubsidy' } }],
  ])('%s', (_label, state, command, expected) => {
    expect(rejection(stateOf(state), command)).toEqual(expected);
  });
});

describe('side service limits', () => {
  const educationTrial = (plannedEndOn: string) => f.startSideService('2026-02-02', plannedEndOn, { kind: 'EDUCATION_TRIAL' });
  const rehabLimit = { code: 'SIDE_SERVICE.LIMIT_EXCEEDED', facts: { min: 3, max: 24 } } as const;
  it.each<Row>([
    ['an education trial of 11 days', 'ASSESSMENT_STARTED', educationTrial('2026-02-12'), { code: 'SIDE_SERVICE.LIMIT_EXCEEDED', facts: { limit: 10 } }],
    ['an education trial of 10 days', 'ASSESSMENT_STARTED', educationTrial('2026-02-11'), accepted('SideServiceStarted')],
    ['rehabilitative work activity one day short of 3 months', 'ASSESSMENT_STARTED', rehab('2026-05-01'), rehabLimit],
    ['rehabilitative work activity of exactly 3 months', 'ASSESSMENT_STARTED', rehab('2026-05-02'), accepted('SideServiceStarted', 'DeadlinesScheduled')],
    ['rehabilitative work activity of exactly 24 months', 'ASSESSMENT_STARTED', rehab('2028-02-02'), accepted('SideServiceStarted', 'DeadlinesScheduled')],
    ['rehabilitative work activity one day past 24 months', 'ASSESSMENT_STARTED', rehab('2028-02-03'), rehabLimit],
    ['rehabilitative work activity 5 days a week', 'ASSESSMENT_STARTED', rehab('2026-08-31', { daysPerWeek: 5 }), { code: 'VALIDATION.OUT_OF_RANGE', facts: { field: 'daysPerWeek', min: 1, max: 4 } }],
    ['rehabilitative work activity 3 hours a day', 'ASSESSMENT_STARTED', rehab('2026-08-31', { hoursPerDay: 3 }), { code: 'VALIDATION.OUT_OF_RANGE', facts: { field: 'hoursPerDay', min: 4, max: 24 } }],
    ['rehabilitative work activity without an evaluation date', 'ASSESSMENT_STARTED', rehab('2026-08-31', { reviewOn: undefined }), { code: 'VALIDATION.REQUIRED', facts: { field: 'reviewOn' } }],
    // Any service runs on working days for part of a day: what Kafka's v1 schemas can carry.
    ['studies 6 days a week', 'ASSESSMENT_STARTED', f.startSideService('2026-02-02', '2026-05-29', { kind: 'STUDIES', daysPerWeek: 6 }), { code: 'VALIDATION.OUT_OF_RANGE', facts: { field: 'daysPerWeek', min: 1, max: 5 } }],
    ['studies 5 days a week', 'ASSESSMENT_STARTED', f.startSideService('2026-02-02', '2026-05-29', { kind: 'STUDIES', daysPerWeek: 5 }), accepted('SideServiceStarted')],
    ['studies 24.5 hours a day', 'ASSESSMENT_STARTED', f.startSideService('2026-02-02', '2026-05-29', { kind: 'STUDIES', hoursPerDay: 24.5 }), { code: 'VALIDATION.OUT_OF_RANGE', facts: { field: 'hoursPerDay', min: 0, max: 24 } }],
    ['studies 7.5 hours a day', 'ASSESSMENT_STARTED', f.startSideService('2026-02-02', '2026-05-29', { kind: 'STUDIES', hoursPerDay: 7.5 }), accepted('SideServiceStarted')],
    ['a side service before the assessment', 'INTERVIEWED', educationTrial('2026-02-06'), { code: 'PATH.INVALID_TRANSITION', facts: { from: 'INTAKE', to: 'StartSideService' } }],
  ])('%s', (_label, state, command, expected) => {
    expect(rejection(stateOf(state), command)).toEqual(expected);
  });

  const withService = (...more: PathCommand[]) => f.given(...f.STATES.ASSESSMENT_STARTED, f.startSideService('2026-02-02', '2026-02-06'), ...more).state;

  it('rejects a second service with the same id: SIDE_SERVICE.ALREADY_EXISTS', () => {
    expect(rejection(withService(), f.startSideService('2026-02-09', '2026-02-13'))).toEqual({ code: 'SIDE_SERVICE.ALREADY_EXISTS', facts: { serviceId: 'ss-1' } });
  });

  it('rejects ending a service twice, or one that never started: SIDE_SERVICE.UNKNOWN', () => {
    expect(rejection(withService(f.endSideService('2026-02-06')), f.endSideService('2026-02-07'))).toEqual({ code: 'SIDE_SERVICE.UNKNOWN', facts: { serviceId: 'ss-1' } });
    expect(rejection(withService(), f.endSideService('2026-02-06', 'ss-9'))).toEqual({ code: 'SIDE_SERVICE.UNKNOWN', facts: { serviceId: 'ss-9' } });
  });
});

describe('reports', () => {
  const coaching = f.startSideService('2026-02-02', '2026-04-24', { kind: 'GROUP_COACHING', provider: 'Särmä' });
  it.each<readonly [string, PathCommand[], PathCommand, ReturnType<typeof rejection>]>([
    ['a coaching report about an education trial', [f.startSideService('2026-02-02', '2026-02-06')], f.recordReport('2026-02-03', { type: 'COACHING', serviceId: 'ss-1' }, 'START'), { code: 'REPORT.NOT_EXPECTED', facts: { about: 'COACHING', kind: 'START' } }],
    ['a coaching report about no service', [], f.recordReport('2026-02-03', { type: 'COACHING', serviceId: 'ss-1' }, 'MID'), { code: 'REPORT.NOT_EXPECTED', facts: { about: 'COACHING', kind: 'MID' } }],
    ['a start report of a work trial', [f.recordAssessment('2026-02-03'), f.startWorkTrial('2026-02-09', '2026-05-08')], f.recordReport('2026-02-10', { type: 'WORK_TRIAL', trialId: 'wt-1' }, 'START'), { code: 'REPORT.NOT_EXPECTED', facts: { about: 'WORK_TRIAL', kind: 'START' } }],
    ['a report about another trial', [f.recordAssessment('2026-02-03'), f.startWorkTrial('2026-02-09', '2026-05-08')], f.recordReport('2026-02-10', { type: 'WORK_TRIAL', trialId: 'wt-9' }, 'MID'), { code: 'REPORT.NOT_EXPECTED', facts: { about: 'WORK_TRIAL', kind: 'MID' } }],
    ['the start report of a coaching', [coaching], f.recordReport('2026-02-10', { type: 'COACHING', serviceId: 'ss-1' }, 'START'), accepted('ReportRecorded', 'ScheduledItemsCancelled')],
  ])('%s', (_label, more, command, expected) => {
    expect(rejection(f.given(...f.STATES.ASSESSMENT_STARTED, ...more).state, command)).toEqual(expected);
  });
});
