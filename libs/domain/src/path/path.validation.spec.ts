import type { PathCommand } from './path.commands';
import * as f from './testing/path-fixtures';
import { CONSENT_WELLBEING, ORGANISER, rejection, stateOf, type StateName, withData } from './testing/path-fixtures';

/** VALIDATION.*: bad input is a domain error with the field named, never a thrown exception. */
type Row = readonly [label: string, state: StateName, command: PathCommand, code: string, facts: Record<string, unknown>];

const IDENTITY_CODE = '131052-308T';
const trial = (data: Partial<Extract<PathCommand, { type: 'StartWorkTrial' }>['data']>) => f.startWorkTrial('2026-02-09', '2026-05-08', data);
const range = (field: string, min: number, max: number) => ({ field, min, max });

describe('numbers out of range', () => {
  it.each<Row>([
    ['work trial 0 days a week', 'ASSESSMENT_RECORDED', trial({ daysPerWeek: 0 }), 'VALIDATION.OUT_OF_RANGE', range('daysPerWeek', 1, 5)],
    ['work trial 6 days a week', 'ASSESSMENT_RECORDED', trial({ daysPerWeek: 6 }), 'VALIDATION.OUT_OF_RANGE', range('daysPerWeek', 1, 5)],
    ['work trial 3 hours a day', 'ASSESSMENT_RECORDED', trial({ hoursPerDay: 3 }), 'VALIDATION.OUT_OF_RANGE', range('hoursPerDay', 4, 8)],
    ['work trial 9 hours a day', 'ASSESSMENT_RECORDED', trial({ hoursPerDay: 9 }), 'VALIDATION.OUT_OF_RANGE', range('hoursPerDay', 4, 8)],
    ['work trial 4.5 hours a day', 'ASSESSMENT_RECORDED', trial({ hoursPerDay: 4.5 }), 'VALIDATION.OUT_OF_RANGE', range('hoursPerDay', 4, 8)],
    ['5 applications a month at the interview', 'INTAKE', f.holdInitialInterview('2026-01-12', { employmentPlan: { applicationsPerMonth: 5, goals: [] } }), 'VALIDATION.OUT_OF_RANGE', range('employmentPlan.applicationsPerMonth', 0, 4)],
    ['5 applications a month in a later plan', 'INTERVIEWED', f.recordEmploymentPlan('2026-01-14', 5), 'VALIDATION.OUT_OF_RANGE', range('employmentPlan.applicationsPerMonth', 0, 4)],
    ['−1 applications a month', 'INTERVIEWED', f.recordEmploymentPlan('2026-01-14', -1), 'VALIDATION.OUT_OF_RANGE', range('employmentPlan.applicationsPerMonth', 0, 4)],
    ['a wage subsidy at 0 % working time', 'ASSESSMENT_RECORDED', f.startWageSubsidy('2026-02-09', '2026-07-08', { workingTimePercent: 0 }), 'VALIDATION.OUT_OF_RANGE', range('workingTimePercent', 1, 100)],
    ['a follow-up at 4 months', 'EXITED', f.recordFollowUp('2027-02-15', 4), 'VALIDATION.OUT_OF_RANGE', { field: 'months' }],
  ])('%s', (_label, state, command, code, facts) => {
    expect(rejection(stateOf(state), command)).toEqual({ code, facts });
  });

  it.each([0, 4])('accepts %i applications a month (the individual range is 0–4)', (applicationsPerMonth) => {
    expect(rejection(stateOf('INTERVIEWED'), f.recordEmploymentPlan('2026-01-14', applicationsPerMonth))).toEqual({ accepted: ['EmploymentPlanRecorded'] });
  });
});

describe('business ids (Y-tunnus)', () => {
  it.each<Row>([
    ['a work-trial organiser with a wrong check digit', 'ASSESSMENT_RECORDED', trial({ organiser: { ...ORGANISER, businessId: '0737546-3' } }), 'VALIDATION.BUSINESS_ID', { field: 'organiser.businessId' }],
    ['a work-trial organiser without the hyphen', 'ASSESSMENT_RECORDED', trial({ organiser: { ...ORGANISER, businessId: '07375462' } }), 'VALIDATION.BUSINESS_ID', { field: 'organiser.businessId' }],
    ['a wage-subsidy employer with a wrong check digit', 'ASSESSMENT_RECORDED', f.startWageSubsidy('2026-02-09', '2026-07-08', { employerBusinessId: '0112038-8' }), 'VALIDATION.BUSINESS_ID', { field: 'employerBusinessId' }],
  ])('%s', (_label, state, command, code, facts) => {
    expect(rejection(stateOf(state), command)).toEqual({ code, facts });
  });
});

describe('dates that do not exist (2026-02-30)', () => {
  const BAD = '2026-02-30';
  const invalidDate = (field: string) => ['VALIDATION.INVALID_DATE', { field }] as const;
  it.each<Row>([
    ['StartPath.registeredOn', 'NONE', withData(f.startPath('2026-01-07'), { registeredOn: BAD }), ...invalidDate('registeredOn')],
    ['StartPath.unemployedSince', 'NONE', withData(f.startPath('2026-01-07'), { unemployedSince: BAD, ageGroup: 'FROM_25' }), ...invalidDate('unemployedSince')],
    ['StartPath consent.givenOn', 'NONE', withData(f.startPath('2026-01-07'), { consents: [{ ...CONSENT_WELLBEING, givenOn: BAD }] }), ...invalidDate('consent.givenOn')],
    ['StartPath consent.expiresOn', 'NONE', withData(f.startPath('2026-01-07'), { consents: [{ ...CONSENT_WELLBEING, expiresOn: BAD }] }), ...invalidDate('consent.expiresOn')],
    ['HoldInitialInterview.heldOn', 'INTAKE', withData(f.holdInitialInterview('2026-01-12'), { heldOn: BAD }), ...invalidDate('heldOn')],
    ['RecordEmploymentPlan.recordedOn', 'INTERVIEWED', withData(f.recordEmploymentPlan('2026-01-14'), { recordedOn: BAD }), ...invalidDate('recordedOn')],
    ['StartAssessment.startedOn', 'INTERVIEWED', withData(f.startAssessment('2026-01-13'), { startedOn: BAD }), ...invalidDate('startedOn')],
    ['RecordAssessment.recordedOn', 'ASSESSMENT_STARTED', withData(f.recordAssessment('2026-02-03'), { recordedOn: BAD }), ...invalidDate('recordedOn')],
    ['ReferToWellbeingService.referredOn', 'ASSESSMENT_STARTED', withData(f.referToWellbeingService('2026-02-03'), { referredOn: BAD }), ...invalidDate('referredOn')],
    ['StartWorkTrial.startOn', 'ASSESSMENT_RECORDED', withData(trial({}), { startOn: BAD }), ...invalidDate('startOn')],
    ['StartWorkTrial.plannedEndOn', 'ASSESSMENT_RECORDED', withData(trial({}), { plannedEndOn: BAD }), ...invalidDate('plannedEndOn')],
    ['ExtendWorkTrial.plannedEndOn', 'WORK_TRIAL_ONGOING', withData(f.extendWorkTrial('2026-04-01', '2026-06-30'), { plannedEndOn: BAD }), ...invalidDate('plannedEndOn')],
    ['EndWorkTrial.endedOn', 'WORK_TRIAL_ONGOING', withData(f.endWorkTrial('2026-04-01'), { endedOn: BAD }), ...invalidDate('endedOn')],
    ['StartWageSubsidy.startOn', 'WORK_TRIAL_ENDED', withData(f.startWageSubsidy('2026-05-11', '2026-10-09'), { startOn: BAD }), ...invalidDate('startOn')],
    ['StartWageSubsidy.endOn', 'WORK_TRIAL_ENDED', withData(f.startWageSubsidy('2026-05-11', '2026-10-09'), { endOn: BAD }), ...invalidDate('endOn')],
    ['EndWageSubsidy.endedOn', 'WAGE_SUBSIDY_ONGOING', withData(f.endWageSubsidy('2026-10-09'), { endedOn: BAD }), ...invalidDate('endedOn')],
    ['StartSideService.startOn', 'ASSESSMENT_STARTED', withData(f.startSideService('2026-02-02', '2026-02-06'), { startOn: BAD }), ...invalidDate('startOn')],
    ['StartSideService.plannedEndOn (rehabilitation)', 'ASSESSMENT_STARTED', withData(f.startSideService('2026-02-02', '2026-06-06', { kind: 'REHABILITATIVE_WORK_ACTIVITY', daysPerWeek: 2, hoursPerDay: 4, reviewOn: '2026-04-01' }), { plannedEndOn: BAD }), ...invalidDate('plannedEndOn')],
    ['HoldJobSearchDiscussion.heldOn', 'INTERVIEWED', withData(f.holdJobSearchDiscussion('2026-03-02'), { heldOn: BAD }), ...invalidDate('heldOn')],
    ['ExitPath.exitedOn', 'ASSESSMENT_RECORDED', withData(f.exitPath('2026-03-02'), { exitedOn: BAD }), ...invalidDate('exitedOn')],
    ['RecordFollowUp.recordedOn', 'EXITED', withData(f.recordFollowUp('2027-01-12', 3), { recordedOn: BAD }), ...invalidDate('recordedOn')],
    ['ReopenPath.reopenedOn', 'EXITED', withData(f.reopenPath('2026-11-02'), { reopenedOn: BAD }), ...invalidDate('reopenedOn')],
    ['RecordConsent consent.givenOn', 'INTAKE', f.recordConsent('2026-01-08', { ...CONSENT_WELLBEING, givenOn: BAD }), ...invalidDate('consent.givenOn')],
    ['RecordConsent consent.expiresOn', 'INTAKE', f.recordConsent('2026-01-08', { ...CONSENT_WELLBEING, expiresOn: BAD }), ...invalidDate('consent.expiresOn')],
  ])('%s', (_label, state, command, code, facts) => {
    expect(rejection(stateOf(state), command)).toEqual({ code, facts });
  });
});

describe('dates in the wrong order', () => {
  const order = (field: string, earliest: string) => ['VALIDATION.DATE_ORDER', { field, earliest }] as const;
  it.each<Row>([
    ['an interview before the registration', 'INTAKE', withData(f.holdInitialInterview('2026-01-12'), { heldOn: '2026-01-06' }), ...order('heldOn', 'registeredOn')],
    ['an assessment before the interview', 'INTERVIEWED', withData(f.startAssessment('2026-01-13'), { startedOn: '2026-01-09' }), ...order('startedOn', 'the initial interview')],
    ['an assessment recorded before it started', 'ASSESSMENT_STARTED', withData(f.recordAssessment('2026-01-14'), { recordedOn: '2026-01-12' }), ...order('recordedOn', 'the assessment start')],
    ['a work trial ending before it starts', 'ASSESSMENT_RECORDED', trial({ plannedEndOn: '2026-02-08' }), ...order('plannedEndOn', 'startOn')],
    ['a work trial ended before its start', 'WORK_TRIAL_ONGOING', withData(f.endWorkTrial('2026-02-10'), { endedOn: '2026-02-06' }), ...order('endedOn', 'the trial start')],
    ['a subsidy ending before it starts', 'ASSESSMENT_RECORDED', f.startWageSubsidy('2026-02-09', '2026-02-06'), ...order('endOn', 'startOn')],
    ['a subsidy ended before its start', 'WAGE_SUBSIDY_ONGOING', withData(f.endWageSubsidy('2026-05-12'), { endedOn: '2026-05-08' }), ...order('endedOn', 'the subsidy start')],
    ['a side service ending before it starts', 'ASSESSMENT_STARTED', f.startSideService('2026-02-02', '2026-01-30'), ...order('plannedEndOn', 'startOn')],
    ['a job-search discussion before the interview', 'INTERVIEWED', withData(f.holdJobSearchDiscussion('2026-03-02'), { heldOn: '2026-01-09' }), ...order('heldOn', 'the initial interview')],
    ['a consent expiring before it is given', 'INTAKE', f.recordConsent('2026-01-08', { ...CONSENT_WELLBEING, expiresOn: '2026-01-06' }), ...order('consent.expiresOn', 'consent.givenOn')],
  ])('%s', (_label, state, command, code, facts) => {
    expect(rejection(stateOf(state), command)).toEqual({ code, facts });
  });
});

describe('identity and required fields', () => {
  it('rejects an identity code as the client reference, and does not repeat it in the error', () => {
    const decision = f.rejection(stateOf('NONE'), f.startPath('2026-01-07', { clientReference: IDENTITY_CODE }));
    expect(decision).toEqual({ code: 'VALIDATION.CLIENT_REFERENCE', facts: { field: 'clientReference' } });
    expect(JSON.stringify(decision)).not.toContain('131052');
  });

  it.each(['cref_0123456789ABCDEF', 'cref_short', `cref_${IDENTITY_CODE}`, 'ref_0123456789abcdef'])('rejects the client reference %s', (clientReference) => {
    expect(rejection(stateOf('NONE'), f.startPath('2026-01-07', { clientReference }))).toEqual({ code: 'VALIDATION.CLIENT_REFERENCE', facts: { field: 'clientReference' } });
  });

  it.each<Row>([
    ['a blank employment area', 'NONE', f.startPath('2026-01-07', { employmentArea: '  ' }), 'VALIDATION.REQUIRED', { field: 'employmentArea' }],
    ['an empty service need', 'INTAKE', f.holdInitialInterview('2026-01-12', { serviceNeed: '' }), 'VALIDATION.REQUIRED', { field: 'serviceNeed' }],
    ['a work trial without an agreement', 'ASSESSMENT_RECORDED', trial({ agreementReference: ' ' }), 'VALIDATION.REQUIRED', { field: 'agreementReference' }],
    ['a consent without a scope', 'INTAKE', f.recordConsent('2026-01-08', { ...CONSENT_WELLBEING, scope: '' }), 'VALIDATION.REQUIRED', { field: 'consent.scope' }],
    ['a coach id of spaces', 'INTAKE', f.reassignCoach('2026-01-08', ' '), 'VALIDATION.REQUIRED', { field: 'coachId' }],
    ['the coach already assigned', 'INTAKE', f.reassignCoach('2026-01-08', 'coach-17'), 'PATH.ALREADY_IN_THAT_STATE', {}],
  ])('%s', (_label, state, command, code, facts) => {
    expect(rejection(stateOf(state), command)).toEqual({ code, facts });
  });
});

describe('dates outside the span a path can hold (found by the API fuzz: they threw)', () => {
  const exitOn = (exitedOn: string) => ({ ...f.exitPath('2026-03-02'), data: { outcome: 'EMPLOYED_OPEN_MARKET' as const, exitedOn } });
  const reopenOn = (reopenedOn: string) => ({ ...f.reopenPath('2027-01-04'), data: { reopenedOn, reason: 'lost the job' } });

  it.each(['0001-01-01', '1582-12-31', '1899-12-31', '2200-01-01', '9999-12-31'])('refuses %s as an exit or reopening date, never throwing', (date) => {
    expect(rejection(stateOf('INTERVIEWED'), exitOn(date))).toEqual({ code: 'VALIDATION.INVALID_DATE', facts: { field: 'exitedOn' } });
    expect(rejection(stateOf('EXITED'), reopenOn(date))).toEqual({ code: 'VALIDATION.INVALID_DATE', facts: { field: 'reopenedOn' } });
  });

  it('accepts the span’s last day', () => {
    expect(rejection(stateOf('EXITED'), reopenOn('2199-12-31'))).toMatchObject({ accepted: expect.arrayContaining(['PathReopened']) });
  });
});
