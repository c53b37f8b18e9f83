import type { LocalDate } from '../../calendar';
import type { PathEvent } from '../path.events';
import { evolve } from '../path.evolve';
import { initialPathState, type PathState } from '../path.state';
import { CONSENT_WELLBEING, eventsAt, item, madeOn, ORGANISER, policy } from './path-fixtures';

/**
 * One client's path (policy FI-2026.1) as the event store records it: the "given" of the decider
 * tables. States are folded from these events, not decided from commands, so a broken decision
 * fails its own rows and not every row that starts after it. (path-history.spec checks that the
 * commands of path-fixtures' STEP still decide exactly these events.)
 */
const on = (date: LocalDate) => eventsAt(madeOn(date));

const started = [
  on('2026-01-07')('PathStarted', {
    pathId: 'path-1',
    clientReference: 'cref_0123456789abcdef',
    employmentArea: 'EA-HAMEENLINNA',
    municipality: 'Hattula',
    referralSource: 'SELF_REGISTRATION',
    registeredOn: '2026-01-07',
    coachId: 'coach-17',
    consents: [CONSENT_WELLBEING],
    policy: policy('FI-2026.1'),
  }),
  on('2026-01-07')('DeadlinesScheduled', {
    items: [
      item('INIT-INTERVIEW:path:REMINDER-1', '2026-01-16', '2026-01-16T06:00:00.000Z'),
      item('INIT-INTERVIEW:path:REMINDER-2', '2026-01-20', '2026-01-20T06:00:00.000Z'),
      item('INIT-INTERVIEW:path:DEADLINE', '2026-01-21', '2026-01-21T22:00:00.000Z'),
      item('INIT-INTERVIEW:path:ESCALATION', '2026-01-22', '2026-01-22T06:00:00.000Z', 'TEAM_LEAD'),
      item('CONSENT-EXPIRY:WELLBEING_COUNTY@2027-06-30:REMINDER-1', '2027-06-15', '2027-06-15T05:00:00.000Z'),
      item('CONSENT-EXPIRY:WELLBEING_COUNTY@2027-06-30:DEADLINE', '2027-06-30', '2027-06-30T21:00:00.000Z'),
    ],
  }),
];

const interviewed = [
  on('2026-01-12')('InitialInterviewHeld', { heldOn: '2026-01-12', serviceNeed: 'work trial towards logistics', employmentPlan: { applicationsPerMonth: 4, goals: ['forklift licence'] } }),
  on('2026-01-12')('ScheduledItemsCancelled', { itemIds: ['REMINDER-1', 'REMINDER-2', 'DEADLINE', 'ESCALATION'].map((kind) => `INIT-INTERVIEW:path:${kind}`), reason: 'initial interview held' }),
  on('2026-01-12')('DeadlinesScheduled', {
    items: [
      item('JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1', '2026-03-26', '2026-03-26T06:00:00.000Z'),
      item('JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-2', '2026-04-09', '2026-04-09T05:00:00.000Z'),
      item('JOB-SEARCH-DISCUSSION:jsd-1:DEADLINE', '2026-04-13', '2026-04-13T21:00:00.000Z'),
      item('JOB-SEARCH-DISCUSSION:jsd-1:ESCALATION', '2026-04-14', '2026-04-14T05:00:00.000Z', 'TEAM_LEAD'),
    ],
  }),
];

const assessing = [
  on('2026-01-13')('AssessmentStarted', { startedOn: '2026-01-13' }),
  on('2026-01-13')('DeadlinesScheduled', {
    items: [
      item('ASSESSMENT-DONE:path:REMINDER-1', '2026-02-03', '2026-02-03T06:00:00.000Z'),
      item('ASSESSMENT-DONE:path:DEADLINE', '2026-02-10', '2026-02-10T22:00:00.000Z'),
      item('ASSESSMENT-DONE:path:ESCALATION', '2026-02-11', '2026-02-11T06:00:00.000Z', 'TEAM_LEAD'),
    ],
  }),
];

const assessed = [
  on('2026-02-03')('AssessmentRecorded', { recordedOn: '2026-02-03', strengths: ['reliable'], ownGoals: ['steady job'], recommendedNextService: 'WORK_TRIAL' }),
  on('2026-02-03')('ScheduledItemsCancelled', { itemIds: ['REMINDER-1', 'DEADLINE', 'ESCALATION'].map((kind) => `ASSESSMENT-DONE:path:${kind}`), reason: 'assessment recorded' }),
];

const TRIAL_ITEMS = ['WORK-TRIAL-MAX:wt-1:REMINDER-1', 'WORK-TRIAL-MID:wt-1:REMINDER-1', 'WORK-TRIAL-MID:wt-1:DEADLINE', 'WORK-TRIAL-MID:wt-1:ESCALATION'];
const trial = [
  on('2026-02-09')('WorkTrialStarted', {
    trialId: 'wt-1',
    organiser: ORGANISER,
    tasks: 'warehouse picking',
    goal: 'test the fit for logistics',
    startOn: '2026-02-09',
    plannedEndOn: '2026-05-08',
    daysPerWeek: 4,
    hoursPerDay: 6,
    agreementReference: 'TK-2026-001',
    guide: 'foreman',
  }),
  on('2026-02-09')('DeadlinesScheduled', {
    items: [
      item(TRIAL_ITEMS[0] as string, '2026-07-13', '2026-07-13T05:00:00.000Z'),
      item(TRIAL_ITEMS[1] as string, '2026-03-20', '2026-03-20T06:00:00.000Z'),
      item(TRIAL_ITEMS[2] as string, '2026-03-25', '2026-03-25T22:00:00.000Z'),
      item(TRIAL_ITEMS[3] as string, '2026-03-26', '2026-03-26T06:00:00.000Z'),
    ],
  }),
];

const trialEnded = [
  on('2026-05-08')('WorkTrialEnded', { endedOn: '2026-05-08', result: 'COMPLETED', organiserFeedback: 'good fit', trialId: 'wt-1' }),
  on('2026-05-08')('ScheduledItemsCancelled', { itemIds: TRIAL_ITEMS, reason: 'work trial ended' }),
];

const subsidy = [
  on('2026-05-11')('WageSubsidyStarted', { subsidyId: 'ws-1', employerBusinessId: '0737546-2', employerKind: 'COMPANY', rate: 50, workingTimePercent: 100, startOn: '2026-05-11', endOn: '2026-10-09' }),
  on('2026-05-11')('DeadlinesScheduled', {
    items: [
      item('WAGE-SUBSIDY-END:ws-1:REMINDER-1', '2026-09-09', '2026-09-09T05:00:00.000Z'),
      item('WAGE-SUBSIDY-END:ws-1:ESCALATION', '2026-10-02', '2026-10-02T05:00:00.000Z', 'TEAM_LEAD'),
      item('WAGE-SUBSIDY-END:ws-1:DEADLINE', '2026-10-09', '2026-10-09T21:00:00.000Z'),
    ],
  }),
];

const subsidyEnded = [
  on('2026-10-09')('WageSubsidyEnded', { endedOn: '2026-10-09', subsidyId: 'ws-1' }),
  on('2026-10-09')('ScheduledItemsCancelled', { itemIds: ['REMINDER-1', 'ESCALATION', 'DEADLINE'].map((kind) => `WAGE-SUBSIDY-END:ws-1:${kind}`), reason: 'wage subsidy ended' }),
];

const exited = [
  on('2026-10-12')('PathExited', { outcome: 'EMPLOYED_OPEN_MARKET', exitedOn: '2026-10-12', goalAttained: true }),
  on('2026-10-12')('ScheduledItemsCancelled', { itemIds: ['REMINDER-1', 'REMINDER-2', 'DEADLINE', 'ESCALATION'].map((kind) => `JOB-SEARCH-DISCUSSION:jsd-1:${kind}`), reason: 'path exited' }),
  on('2026-10-12')('DeadlinesScheduled', {
    items: [
      item('FOLLOW-UP:follow-up-3:REMINDER-1', '2027-01-12', '2027-01-12T06:00:00.000Z'),
      item('FOLLOW-UP:follow-up-3:ESCALATION', '2027-01-26', '2027-01-26T06:00:00.000Z'),
      item('FOLLOW-UP:follow-up-6:REMINDER-1', '2027-04-12', '2027-04-12T05:00:00.000Z'),
      item('FOLLOW-UP:follow-up-6:ESCALATION', '2027-04-26', '2027-04-26T05:00:00.000Z'),
    ],
  }),
];

const paused = [on('2026-01-20')('PathPaused', { reason: 'SICK_LEAVE', pausedAt: madeOn('2026-01-20').occurredAt })];

const intake = [...started];
const toSubsidy = [...intake, ...interviewed, ...assessing, ...assessed, ...trial, ...trialEnded, ...subsidy];

/** The events that lead to each state the decider tables start from. */
export const HISTORY = {
  NONE: [],
  INTAKE: intake,
  INTERVIEWED: [...intake, ...interviewed],
  ASSESSMENT_STARTED: [...intake, ...interviewed, ...assessing],
  ASSESSMENT_RECORDED: [...intake, ...interviewed, ...assessing, ...assessed],
  WORK_TRIAL_ONGOING: [...intake, ...interviewed, ...assessing, ...assessed, ...trial],
  WORK_TRIAL_ENDED: [...intake, ...interviewed, ...assessing, ...assessed, ...trial, ...trialEnded],
  WAGE_SUBSIDY_ONGOING: toSubsidy,
  WAGE_SUBSIDY_ENDED: [...toSubsidy, ...subsidyEnded],
  PAUSED: [...intake, ...interviewed, ...assessing, ...paused],
  EXITED: [...toSubsidy, ...subsidyEnded, ...exited],
} satisfies Record<string, readonly PathEvent[]>;

export type HistoryName = keyof typeof HISTORY;

/** The state the domain folds a history to: what `decide` is given. */
export const stateAfter = (name: HistoryName): PathState => (HISTORY[name] as readonly PathEvent[]).reduce(evolve, initialPathState);
