import { type DomainError, isDomainError } from '../shared/domain-error';
import type { PathCommand, PathCommandType } from './path.commands';
import { decide, type Decision } from './path.decider';
import type { PathEvent } from './path.events';
import type { PathState } from './path.state';
import * as f from './testing/path-fixtures';
import { ENGINE, item } from './testing/path-fixtures';
import { HISTORY, stateAfter, type HistoryName as StateName } from './testing/path-history';

/**
 * Every command in every state: given the recorded events of a state (testing/path-history),
 * when the probe command arrives on NOW, then exactly these events or exactly this error.
 */
const NOW = '2026-11-16'; // a Monday
const WHEN = f.madeOn(NOW); // 10:00 Helsinki = 08:00Z (winter)
const KELA = { audience: 'KELA', scope: 'benefit decision', givenOn: NOW, expiresOn: '2027-11-15' } as const;

const PROBE: { readonly [T in PathCommandType]: Extract<PathCommand, { type: T }> } = {
  StartPath: f.startPath(NOW),
  HoldInitialInterview: f.holdInitialInterview(NOW),
  RecordEmploymentPlan: f.recordEmploymentPlan(NOW),
  StartAssessment: f.startAssessment(NOW),
  RecordAssessment: f.recordAssessment(NOW),
  ReferToWellbeingService: f.referToWellbeingService(NOW),
  StartWorkTrial: f.startWorkTrial(NOW, '2027-02-12', { trialId: 'wt-2' }),
  ExtendWorkTrial: f.extendWorkTrial(NOW, '2026-08-09'), // exactly start + 6 months: allowed
  EndWorkTrial: f.endWorkTrial(NOW),
  StartWageSubsidy: f.startWageSubsidy(NOW, '2027-04-16', { subsidyId: 'ws-2' }),
  EndWageSubsidy: f.endWageSubsidy(NOW),
  StartSideService: f.startSideService(NOW, '2026-11-20'),
  EndSideService: f.endSideService(NOW),
  RecordRehabilitativeWorkDays: f.recordRehabilitativeWorkDays(NOW, '2026-10', 8),
  RecordReport: f.recordReport(NOW, { type: 'WORK_TRIAL', trialId: 'wt-1' }, 'FINAL'),
  HoldJobSearchDiscussion: f.holdJobSearchDiscussion(NOW),
  PausePath: f.pausePath(NOW),
  ResumePath: f.resumePath(NOW),
  ReassignCoach: f.reassignCoach(NOW),
  ExitPath: f.exitPath(NOW),
  RecordFollowUp: f.recordFollowUp(NOW, 3),
  ReopenPath: f.reopenPath(NOW),
  RecordConsent: f.recordConsent(NOW, KELA),
  WithdrawConsent: f.withdrawConsent(NOW, 'WELLBEING_COUNTY'),
  MigratePolicy: f.migratePolicy(NOW, 'FI-2026.1'),
  FireScheduledItem: f.fire('JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1', WHEN.occurredAt),
};

type Then = { readonly events: readonly PathEvent[] } | Pick<DomainError, 'code' | 'facts'>;
const ok = (...events: PathEvent[]): Then => ({ events });
const fails = (code: DomainError['code'], facts: DomainError['facts'] = {}): Then => ({ code, facts });
const inStates = <K extends StateName>(names: readonly K[], then: Then) => Object.fromEntries(names.map((name) => [name, then])) as Record<K, Then>;
const gate = (type: PathCommandType) => ({ NONE: fails('PATH.NOT_STARTED', { command: type }), PAUSED: fails('PATH.PAUSED', { command: type }) });
const closed = (type: PathCommandType) => ({ ...gate(type), EXITED: fails('PATH.INVALID_TRANSITION', { from: 'EXITED', to: type }) });
const invalid = (from: string, to: string) => fails('PATH.INVALID_TRANSITION', { from, to });

const ON_INTAKE = ['INTAKE', 'INTERVIEWED'] as const;
const ASSESSMENT = ['ASSESSMENT_STARTED', 'ASSESSMENT_RECORDED'] as const;
const WORK_TRIAL = ['WORK_TRIAL_ONGOING', 'WORK_TRIAL_ENDED'] as const;
const WAGE_SUBSIDY = ['WAGE_SUBSIDY_ONGOING', 'WAGE_SUBSIDY_ENDED'] as const;
const INTERVIEWED_ON = ['INTERVIEWED', ...ASSESSMENT, ...WORK_TRIAL, ...WAGE_SUBSIDY] as const;
const PAST_INTAKE = [...ASSESSMENT, ...WORK_TRIAL, ...WAGE_SUBSIDY] as const;
const ACTIVE = ['INTAKE', ...INTERVIEWED_ON] as const;
const STARTED = [...ACTIVE, 'PAUSED', 'EXITED'] as const;

// Pending items of the states, by id (as scheduled in testing/path-history).
const INIT_INTERVIEW = ['REMINDER-1', 'REMINDER-2', 'DEADLINE', 'ESCALATION'].map((kind) => `INIT-INTERVIEW:path:${kind}`);
const JSD_1 = ['REMINDER-1', 'REMINDER-2', 'DEADLINE', 'ESCALATION'].map((kind) => `JOB-SEARCH-DISCUSSION:jsd-1:${kind}`);
const ASSESSMENT_DONE = ['REMINDER-1', 'DEADLINE', 'ESCALATION'].map((kind) => `ASSESSMENT-DONE:path:${kind}`);
const WELLBEING_CONSENT = ['REMINDER-1', 'DEADLINE'].map((kind) => `CONSENT-EXPIRY:WELLBEING_COUNTY@2027-06-30:${kind}`);

const at = f.eventsAt(WHEN);
const cancelled = (itemIds: string[], reason: string) => at('ScheduledItemsCancelled', { itemIds, reason });
const scheduled = (...items: ReturnType<typeof item>[]) => at('DeadlinesScheduled', { items });
// +3 months from Mon 16.11.2026 is Tue 16.2.2027; T−10 BD and T−2 BD before it, T+1 BD after.
const jsdFromNow = (subject: string) =>
  scheduled(
    item(`JOB-SEARCH-DISCUSSION:${subject}:REMINDER-1`, '2027-02-02', '2027-02-02T06:00:00.000Z'),
    item(`JOB-SEARCH-DISCUSSION:${subject}:REMINDER-2`, '2027-02-12', '2027-02-12T06:00:00.000Z'),
    item(`JOB-SEARCH-DISCUSSION:${subject}:DEADLINE`, '2027-02-16', '2027-02-16T22:00:00.000Z'),
    item(`JOB-SEARCH-DISCUSSION:${subject}:ESCALATION`, '2027-02-17', '2027-02-17T06:00:00.000Z', 'TEAM_LEAD'),
  );
// Exit on 16.11.2026: follow-ups on Tue 16.2.2027 and on Mon 17.5.2027 (16.5. is a Sunday).
const followUps = scheduled(
  item('FOLLOW-UP:follow-up-3:REMINDER-1', '2027-02-16', '2027-02-16T06:00:00.000Z'),
  item('FOLLOW-UP:follow-up-3:ESCALATION', '2027-03-02', '2027-03-02T06:00:00.000Z'),
  item('FOLLOW-UP:follow-up-6:REMINDER-1', '2027-05-17', '2027-05-17T05:00:00.000Z'),
  item('FOLLOW-UP:follow-up-6:ESCALATION', '2027-05-31', '2027-05-31T05:00:00.000Z'),
);
const exited = (...pending: string[]) =>
  ok(at('PathExited', { outcome: 'EMPLOYED_OPEN_MARKET', exitedOn: NOW, goalAttained: true }), cancelled(pending, 'path exited'), followUps);
// Paused 20.1.2026 10:00 → resumed 16.11.2026 10:00, both EET: exactly 300 days.
const PAUSED_MS = 300 * 24 * 3600 * 1000;

const TABLE: { readonly [T in PathCommandType]: Record<StateName, Then> } = {
  StartPath: {
    NONE: ok(
      at('PathStarted', { ...PROBE.StartPath.data, policy: f.policy('FI-2026.1') }),
      scheduled(
        item('INIT-INTERVIEW:path:REMINDER-1', '2026-11-25', '2026-11-25T06:00:00.000Z'),
        item('INIT-INTERVIEW:path:REMINDER-2', '2026-11-27', '2026-11-27T06:00:00.000Z'),
        item('INIT-INTERVIEW:path:DEADLINE', '2026-11-30', '2026-11-30T22:00:00.000Z'),
        item('INIT-INTERVIEW:path:ESCALATION', '2026-12-01', '2026-12-01T06:00:00.000Z', 'TEAM_LEAD'),
      ),
    ),
    ...inStates(ACTIVE, fails('PATH.ALREADY_STARTED', { status: 'ACTIVE' })),
    PAUSED: fails('PATH.ALREADY_STARTED', { status: 'PAUSED' }),
    EXITED: fails('PATH.ALREADY_STARTED', { status: 'EXITED' }),
  },
  HoldInitialInterview: {
    ...closed('HoldInitialInterview'),
    INTAKE: ok(at('InitialInterviewHeld', PROBE.HoldInitialInterview.data), cancelled(INIT_INTERVIEW, 'initial interview held'), jsdFromNow('jsd-1')),
    ...inStates(INTERVIEWED_ON, fails('PATH.ALREADY_IN_THAT_STATE')),
  },
  RecordEmploymentPlan: {
    ...closed('RecordEmploymentPlan'),
    INTAKE: invalid('INTAKE', 'RecordEmploymentPlan'),
    ...inStates(INTERVIEWED_ON, ok(at('EmploymentPlanRecorded', PROBE.RecordEmploymentPlan.data))),
  },
  StartAssessment: {
    ...closed('StartAssessment'),
    INTAKE: invalid('INTAKE', 'ASSESSMENT'),
    INTERVIEWED: ok(
      at('AssessmentStarted', { startedOn: NOW }),
      scheduled(
        item('ASSESSMENT-DONE:path:REMINDER-1', '2026-12-07', '2026-12-07T06:00:00.000Z'),
        item('ASSESSMENT-DONE:path:DEADLINE', '2026-12-14', '2026-12-14T22:00:00.000Z'),
        item('ASSESSMENT-DONE:path:ESCALATION', '2026-12-15', '2026-12-15T06:00:00.000Z', 'TEAM_LEAD'),
      ),
    ),
    ...inStates(ASSESSMENT, invalid('ASSESSMENT', 'StartAssessment')),
    ...inStates(WORK_TRIAL, invalid('WORK_TRIAL', 'StartAssessment')),
    ...inStates(WAGE_SUBSIDY, invalid('WAGE_SUBSIDY', 'StartAssessment')),
  },
  RecordAssessment: {
    ...closed('RecordAssessment'),
    ...inStates(ON_INTAKE, invalid('INTAKE', 'RecordAssessment')),
    ASSESSMENT_STARTED: ok(at('AssessmentRecorded', PROBE.RecordAssessment.data), cancelled(ASSESSMENT_DONE, 'assessment recorded')),
    ASSESSMENT_RECORDED: fails('PATH.ALREADY_IN_THAT_STATE'),
    ...inStates(WORK_TRIAL, invalid('WORK_TRIAL', 'RecordAssessment')),
    ...inStates(WAGE_SUBSIDY, invalid('WAGE_SUBSIDY', 'RecordAssessment')),
  },
  ReferToWellbeingService: {
    ...closed('ReferToWellbeingService'),
    ...inStates(ON_INTAKE, invalid('INTAKE', 'ReferToWellbeingService')),
    ...inStates(PAST_INTAKE, ok(at('ClientReferredToWellbeingService', PROBE.ReferToWellbeingService.data))),
  },
  StartWorkTrial: {
    ...closed('StartWorkTrial'),
    ...inStates(ON_INTAKE, invalid('INTAKE', 'StartWorkTrial')),
    ASSESSMENT_STARTED: invalid('ASSESSMENT', 'StartWorkTrial'),
    ...inStates(['ASSESSMENT_RECORDED', 'WORK_TRIAL_ENDED'], ok(
      at('WorkTrialStarted', PROBE.StartWorkTrial.data),
      scheduled(
        // 16.11.2026 + 6 months = Sun 16.5.2027 → Mon 17.5.; T−20 BD skips Ascension Day 6.5.2027.
        item('WORK-TRIAL-MAX:wt-2:REMINDER-1', '2027-04-16', '2027-04-16T05:00:00.000Z'),
        // Midpoint of 16.11.2026–12.2.2027 (88 days) is 30.12.; T−3 BD skips 24.–26.12.
        item('WORK-TRIAL-MID:wt-2:REMINDER-1', '2026-12-23', '2026-12-23T06:00:00.000Z'),
        item('WORK-TRIAL-MID:wt-2:DEADLINE', '2026-12-30', '2026-12-30T22:00:00.000Z'),
        item('WORK-TRIAL-MID:wt-2:ESCALATION', '2026-12-31', '2026-12-31T06:00:00.000Z'),
      ),
    )),
    WORK_TRIAL_ONGOING: invalid('WORK_TRIAL', 'StartWorkTrial'),
    ...inStates(WAGE_SUBSIDY, invalid('WAGE_SUBSIDY', 'StartWorkTrial')),
  },
  ExtendWorkTrial: {
    ...closed('ExtendWorkTrial'),
    ...inStates(ON_INTAKE, fails('WORK_TRIAL.NOT_ONGOING', { stage: 'INTAKE', command: 'ExtendWorkTrial' })),
    ...inStates(ASSESSMENT, fails('WORK_TRIAL.NOT_ONGOING', { stage: 'ASSESSMENT', command: 'ExtendWorkTrial' })),
    // The new midpoint (18.5.2026) lies before NOW: the re-plan has nothing left to arm.
    WORK_TRIAL_ONGOING: ok(at('WorkTrialExtended', { trialId: 'wt-1', plannedEndOn: '2026-08-09' }), cancelled(['REMINDER-1', 'DEADLINE', 'ESCALATION'].map((k) => `WORK-TRIAL-MID:wt-1:${k}`), 'work trial extended')),
    WORK_TRIAL_ENDED: fails('WORK_TRIAL.NOT_ONGOING', { stage: 'WORK_TRIAL', command: 'ExtendWorkTrial' }),
    ...inStates(WAGE_SUBSIDY, fails('WORK_TRIAL.NOT_ONGOING', { stage: 'WAGE_SUBSIDY', command: 'ExtendWorkTrial' })),
  },
  EndWorkTrial: {
    ...closed('EndWorkTrial'),
    ...inStates(ON_INTAKE, fails('WORK_TRIAL.NOT_ONGOING', { stage: 'INTAKE', command: 'EndWorkTrial' })),
    ...inStates(ASSESSMENT, fails('WORK_TRIAL.NOT_ONGOING', { stage: 'ASSESSMENT', command: 'EndWorkTrial' })),
    WORK_TRIAL_ONGOING: ok(
      at('WorkTrialEnded', { ...PROBE.EndWorkTrial.data, trialId: 'wt-1' }),
      cancelled(['WORK-TRIAL-MAX:wt-1:REMINDER-1', 'WORK-TRIAL-MID:wt-1:REMINDER-1', 'WORK-TRIAL-MID:wt-1:DEADLINE', 'WORK-TRIAL-MID:wt-1:ESCALATION'], 'work trial ended'),
    ),
    WORK_TRIAL_ENDED: fails('WORK_TRIAL.NOT_ONGOING', { stage: 'WORK_TRIAL', command: 'EndWorkTrial' }),
    ...inStates(WAGE_SUBSIDY, fails('WORK_TRIAL.NOT_ONGOING', { stage: 'WAGE_SUBSIDY', command: 'EndWorkTrial' })),
  },
  StartWageSubsidy: {
    ...closed('StartWageSubsidy'),
    ...inStates(ON_INTAKE, invalid('INTAKE', 'StartWageSubsidy')),
    ASSESSMENT_STARTED: invalid('ASSESSMENT', 'StartWageSubsidy'),
    ...inStates(['ASSESSMENT_RECORDED', 'WORK_TRIAL_ENDED', 'WAGE_SUBSIDY_ENDED'], ok(
      at('WageSubsidyStarted', PROBE.StartWageSubsidy.data),
      scheduled(
        item('WAGE-SUBSIDY-END:ws-2:REMINDER-1', '2027-03-16', '2027-03-16T06:00:00.000Z'),
        item('WAGE-SUBSIDY-END:ws-2:ESCALATION', '2027-04-09', '2027-04-09T05:00:00.000Z', 'TEAM_LEAD'),
        item('WAGE-SUBSIDY-END:ws-2:DEADLINE', '2027-04-16', '2027-04-16T21:00:00.000Z'),
      ),
    )),
    WORK_TRIAL_ONGOING: invalid('WORK_TRIAL', 'StartWageSubsidy'),
    WAGE_SUBSIDY_ONGOING: invalid('WAGE_SUBSIDY', 'StartWageSubsidy'),
  },
  EndWageSubsidy: {
    ...closed('EndWageSubsidy'),
    ...inStates(ON_INTAKE, fails('WAGE_SUBSIDY.NOT_ONGOING', { stage: 'INTAKE' })),
    ...inStates(ASSESSMENT, fails('WAGE_SUBSIDY.NOT_ONGOING', { stage: 'ASSESSMENT' })),
    ...inStates(WORK_TRIAL, fails('WAGE_SUBSIDY.NOT_ONGOING', { stage: 'WORK_TRIAL' })),
    WAGE_SUBSIDY_ONGOING: ok(
      at('WageSubsidyEnded', { endedOn: NOW, subsidyId: 'ws-1' }),
      cancelled(['REMINDER-1', 'ESCALATION', 'DEADLINE'].map((k) => `WAGE-SUBSIDY-END:ws-1:${k}`), 'wage subsidy ended'),
    ),
    WAGE_SUBSIDY_ENDED: fails('WAGE_SUBSIDY.NOT_ONGOING', { stage: 'WAGE_SUBSIDY' }),
  },
  StartSideService: {
    ...closed('StartSideService'),
    ...inStates(ON_INTAKE, invalid('INTAKE', 'StartSideService')),
    ...inStates(PAST_INTAKE, ok(at('SideServiceStarted', PROBE.StartSideService.data))),
  },
  EndSideService: { ...closed('EndSideService'), ...inStates(ACTIVE, fails('SIDE_SERVICE.UNKNOWN', { serviceId: 'ss-1' })) },
  // No state of the table has a rehabilitative period: rehabilitative-work-days.spec.ts decides the days.
  RecordRehabilitativeWorkDays: {
    NONE: fails('PATH.NOT_STARTED', { command: 'RecordRehabilitativeWorkDays' }),
    ...inStates(STARTED, fails('SIDE_SERVICE.UNKNOWN', { serviceId: 'rehab-1' })),
  },
  RecordReport: {
    ...closed('RecordReport'),
    ...inStates([...ON_INTAKE, ...ASSESSMENT], fails('REPORT.NOT_EXPECTED', { about: 'WORK_TRIAL', kind: 'FINAL' })),
    ...inStates([...WORK_TRIAL, ...WAGE_SUBSIDY], ok(at('ReportRecorded', PROBE.RecordReport.data))),
  },
  HoldJobSearchDiscussion: {
    ...closed('HoldJobSearchDiscussion'),
    INTAKE: invalid('INTAKE', 'HoldJobSearchDiscussion'),
    ...inStates(INTERVIEWED_ON, ok(at('JobSearchDiscussionHeld', { heldOn: NOW, sequence: 1 }), cancelled(JSD_1, 'job-search discussion held'), jsdFromNow('jsd-2'))),
  },
  PausePath: {
    ...gate('PausePath'),
    ...inStates(ACTIVE, ok(at('PathPaused', { reason: 'SICK_LEAVE', pausedAt: WHEN.occurredAt }))),
    EXITED: invalid('EXITED', 'PausePath'),
  },
  ResumePath: {
    NONE: fails('PATH.NOT_STARTED', { command: 'ResumePath' }),
    ...inStates(ACTIVE, fails('PATH.NOT_PAUSED', { status: 'ACTIVE' })),
    // Path deadlines move by the paused time to the instant; the consent's expiry stays.
    PAUSED: ok(at('PathResumed', { resumedAt: WHEN.occurredAt, pausedMs: PAUSED_MS, rescheduled: [
      item('JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1', '2027-01-20', '2027-01-20T06:00:00.000Z'),
      item('JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-2', '2027-02-03', '2027-02-03T05:00:00.000Z'),
      item('JOB-SEARCH-DISCUSSION:jsd-1:DEADLINE', '2027-02-07', '2027-02-07T21:00:00.000Z'),
      item('JOB-SEARCH-DISCUSSION:jsd-1:ESCALATION', '2027-02-08', '2027-02-08T05:00:00.000Z', 'TEAM_LEAD'),
      item('ASSESSMENT-DONE:path:REMINDER-1', '2026-11-30', '2026-11-30T06:00:00.000Z'),
      item('ASSESSMENT-DONE:path:DEADLINE', '2026-12-07', '2026-12-07T22:00:00.000Z'),
      item('ASSESSMENT-DONE:path:ESCALATION', '2026-12-08', '2026-12-08T06:00:00.000Z', 'TEAM_LEAD'),
    ] })),
    EXITED: invalid('EXITED', 'ResumePath'),
  },
  ReassignCoach: {
    NONE: fails('PATH.NOT_STARTED', { command: 'ReassignCoach' }),
    ...inStates(STARTED, ok(at('CoachReassigned', { fromCoachId: 'coach-17', toCoachId: 'coach-42' }))),
  },
  ExitPath: {
    ...closed('ExitPath'),
    INTAKE: exited(...INIT_INTERVIEW),
    INTERVIEWED: exited(...JSD_1),
    ASSESSMENT_STARTED: exited(...JSD_1, ...ASSESSMENT_DONE),
    ASSESSMENT_RECORDED: exited(...JSD_1),
    WORK_TRIAL_ONGOING: invalid('WORK_TRIAL', 'EXITED'),
    WORK_TRIAL_ENDED: exited(...JSD_1),
    WAGE_SUBSIDY_ONGOING: invalid('WAGE_SUBSIDY', 'EXITED'),
    WAGE_SUBSIDY_ENDED: exited(...JSD_1),
  },
  RecordFollowUp: {
    ...gate('RecordFollowUp'),
    ...inStates(ACTIVE, invalid('ACTIVE', 'RecordFollowUp')),
    EXITED: fails('FOLLOW_UP.NOT_DUE', { months: 3, dueOn: '2027-01-12' }),
  },
  ReopenPath: {
    ...gate('ReopenPath'),
    ...inStates(ACTIVE, invalid('ACTIVE', 'ReopenPath')),
    EXITED: ok(
      at('PathReopened', PROBE.ReopenPath.data),
      cancelled(['follow-up-3:REMINDER-1', 'follow-up-3:ESCALATION', 'follow-up-6:REMINDER-1', 'follow-up-6:ESCALATION'].map((id) => `FOLLOW-UP:${id}`), 'path reopened'),
      jsdFromNow('jsd-1-reopened'),
    ),
  },
  RecordConsent: {
    NONE: fails('PATH.NOT_STARTED', { command: 'RecordConsent' }),
    ...inStates(STARTED, ok(
      at('ConsentRecorded', { consent: KELA }),
      scheduled(item('CONSENT-EXPIRY:KELA@2027-11-15:REMINDER-1', '2027-11-01', '2027-11-01T06:00:00.000Z'), item('CONSENT-EXPIRY:KELA@2027-11-15:DEADLINE', '2027-11-15', '2027-11-15T22:00:00.000Z')),
    )),
  },
  WithdrawConsent: {
    NONE: fails('PATH.NOT_STARTED', { command: 'WithdrawConsent' }),
    ...inStates(STARTED, ok(at('ConsentWithdrawn', { audience: 'WELLBEING_COUNTY' }), cancelled(WELLBEING_CONSENT, 'consent withdrawn'))),
  },
  MigratePolicy: {
    NONE: fails('PATH.NOT_STARTED', { command: 'MigratePolicy' }),
    ...inStates(STARTED, fails('POLICY.NOT_NEWER', { fromVersion: 'FI-2026.1', toVersion: 'FI-2026.1' })),
  },
  FireScheduledItem: {
    ...gate('FireScheduledItem'),
    INTAKE: fails('SCHEDULE.NOT_PENDING', { itemId: 'JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1' }),
    ...inStates(INTERVIEWED_ON, ok(f.eventsAt({ ...WHEN, actor: ENGINE })('ReminderIssued', { item: item('JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1', '2026-03-26', '2026-03-26T06:00:00.000Z') }))),
    EXITED: fails('SCHEDULE.NOT_PENDING', { itemId: 'JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1' }),
  },
};

const outcome = (decision: Decision): Then => (isDomainError(decision) ? { code: decision.code, facts: decision.facts } : { events: decision });
const GIVEN = Object.fromEntries(Object.keys(HISTORY).map((name) => [name, stateAfter(name as StateName)])) as Record<StateName, PathState>;
const ROWS = Object.entries(TABLE).flatMap(([type, column]) =>
  Object.entries(column).map(([state, then]) => [type as PathCommandType, state as StateName, then] as const),
);

describe('decide: every command in every state', () => {
  it('has one row per command type and state', () => {
    expect(ROWS).toHaveLength(Object.keys(PROBE).length * Object.keys(HISTORY).length);
  });

  it.each(ROWS)('%s in %s', (type, stateName, then) => {
    const state = GIVEN[stateName];
    const before = structuredClone(state);
    expect(outcome(decide(PROBE[type], state))).toEqual(then);
    expect(state).toEqual(before);
  });
});
