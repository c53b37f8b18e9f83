import type { PathCommand } from './path.commands';
import type { PathState } from './path.state';
import * as f from './testing/path-fixtures';
import { accepted, given, item, rejection, STATES } from './testing/path-fixtures';

const pending = (state: PathState) => (state.status === 'NONE' ? {} : state.schedule);
const ids = (rule: string, subject: string, ...kinds: string[]) => kinds.map((kind) => `${rule}:${subject}:${kind}`);
const REMINDER_DEADLINE_ESCALATION = ['REMINDER-1', 'DEADLINE', 'ESCALATION'];
const coaching = f.startSideService('2026-02-02', '2026-04-24', { kind: 'GROUP_COACHING', provider: 'Särmä' });
const KELA = { audience: 'KELA', scope: 'benefit decision', givenOn: '2026-01-20', expiresOn: '2026-12-31' } as const;

describe('leaving a stage cancels its pending items, and none of them fires', () => {
  it.each<readonly [string, PathCommand[], PathCommand, string[], string]>([
    ['the initial interview', STATES.INTAKE, f.holdInitialInterview('2026-01-12'), ids('INIT-INTERVIEW', 'path', 'REMINDER-1', 'REMINDER-2', 'DEADLINE', 'ESCALATION'), 'initial interview held'],
    ['a later employment plan', [...STATES.INTAKE, f.holdInitialInterview('2026-01-12', { employmentPlan: undefined })], f.recordEmploymentPlan('2026-01-12'), ids('EMPLOYMENT-PLAN', 'path', 'DEADLINE', 'ESCALATION'), 'employment plan recorded'],
    ['the assessment recorded', STATES.ASSESSMENT_STARTED, f.recordAssessment('2026-02-03'), ids('ASSESSMENT-DONE', 'path', ...REMINDER_DEADLINE_ESCALATION), 'assessment recorded'],
    ['the mid-point check-in', STATES.WORK_TRIAL_ONGOING, f.recordReport('2026-03-24', { type: 'WORK_TRIAL', trialId: 'wt-1' }, 'MID'), ids('WORK-TRIAL-MID', 'wt-1', ...REMINDER_DEADLINE_ESCALATION), 'mid report recorded'],
    ['the work trial ended', STATES.WORK_TRIAL_ONGOING, f.endWorkTrial('2026-05-08'), [...ids('WORK-TRIAL-MAX', 'wt-1', 'REMINDER-1'), ...ids('WORK-TRIAL-MID', 'wt-1', ...REMINDER_DEADLINE_ESCALATION)], 'work trial ended'],
    ['the organiser’s feedback', [...STATES.WORK_TRIAL_ONGOING, f.endWorkTrial('2026-05-08', null)], f.recordReport('2026-05-12', { type: 'WORK_TRIAL', trialId: 'wt-1' }, 'FINAL'), ids('WORK-TRIAL-FEEDBACK', 'wt-1', ...REMINDER_DEADLINE_ESCALATION), 'final report recorded'],
    ['the wage subsidy ended', STATES.WAGE_SUBSIDY_ONGOING, f.endWageSubsidy('2026-10-09'), ids('WAGE-SUBSIDY-END', 'ws-1', 'REMINDER-1', 'ESCALATION', 'DEADLINE'), 'wage subsidy ended'],
    ['a coaching ended early (its start report stays due)', [...STATES.ASSESSMENT_STARTED, coaching], f.endSideService('2026-02-06'), ids('COACHING-MID-REPORT', 'ss-1', ...REMINDER_DEADLINE_ESCALATION), 'side service ended'],
    ['a consent withdrawn', STATES.INTAKE, f.withdrawConsent('2026-01-08', 'WELLBEING_COUNTY'), ids('CONSENT-EXPIRY', 'WELLBEING_COUNTY@2027-06-30', 'REMINDER-1', 'DEADLINE'), 'consent withdrawn'],
    ['the path reopened', STATES.EXITED, f.reopenPath('2026-11-02'), [...ids('FOLLOW-UP', 'follow-up-3', 'REMINDER-1', 'ESCALATION'), ...ids('FOLLOW-UP', 'follow-up-6', 'REMINDER-1', 'ESCALATION')], 'path reopened'],
  ])('%s', (_label, before, command, cancelledIds, reason) => {
    const { state } = given(...before);
    const events = accepted(state, command);
    expect(events.filter((event) => event.type === 'ScheduledItemsCancelled')).toEqual([{ type: 'ScheduledItemsCancelled', data: { itemIds: cancelledIds, reason }, metadata: command.metadata }]);
    const after = given(...before, command).state;
    for (const id of cancelledIds) {
      expect(pending(after)[id]).toBeUndefined();
      expect(rejection(after, f.fire(id, '2030-01-01T00:00:00.000Z'))).toEqual({ code: 'SCHEDULE.NOT_PENDING', facts: { itemId: id } });
    }
  });
});

describe('ExitPath', () => {
  const before = [...STATES.ASSESSMENT_STARTED, coaching, f.recordConsent('2026-01-20', KELA)];
  const exit = f.exitPath('2026-02-10', 'EDUCATION');

  it('cancels every pending item except the consents’ expiry and plans the 3- and 6-month follow-ups', () => {
    const events = accepted(given(...before).state, exit);
    expect(events.slice(0, 2)).toEqual([
      { type: 'PathExited', data: { outcome: 'EDUCATION', exitedOn: '2026-02-10', goalAttained: true }, metadata: exit.metadata },
      {
        type: 'ScheduledItemsCancelled',
        data: {
          itemIds: [
            ...ids('JOB-SEARCH-DISCUSSION', 'jsd-1', 'REMINDER-1', 'REMINDER-2', 'DEADLINE', 'ESCALATION'),
            ...ids('ASSESSMENT-DONE', 'path', ...REMINDER_DEADLINE_ESCALATION),
            ...ids('COACHING-START-REPORT', 'ss-1', ...REMINDER_DEADLINE_ESCALATION),
            ...ids('COACHING-MID-REPORT', 'ss-1', ...REMINDER_DEADLINE_ESCALATION),
          ],
          reason: 'path exited',
        },
        metadata: exit.metadata,
      },
    ]);
    const { state } = given(...before, exit);
    expect(Object.keys(pending(state)).sort()).toEqual([
      ...ids('CONSENT-EXPIRY', 'KELA@2026-12-31', 'DEADLINE', 'REMINDER-1'),
      ...ids('CONSENT-EXPIRY', 'WELLBEING_COUNTY@2027-06-30', 'DEADLINE', 'REMINDER-1'),
      ...ids('FOLLOW-UP', 'follow-up-3', 'ESCALATION', 'REMINDER-1'),
      ...ids('FOLLOW-UP', 'follow-up-6', 'ESCALATION', 'REMINDER-1'),
    ]);
  });

  it('lets a consent expire after the exit: sharing stops on time', () => {
    const { state } = given(...before, exit);
    const expiry = pending(state)['CONSENT-EXPIRY:KELA@2026-12-31:DEADLINE'];
    expect(expiry).toEqual(item('CONSENT-EXPIRY:KELA@2026-12-31:DEADLINE', '2026-12-31', '2026-12-31T22:00:00.000Z'));
    const fired = f.fire('CONSENT-EXPIRY:KELA@2026-12-31:DEADLINE', '2026-12-31T22:00:00.000Z');
    expect(accepted(state, fired)).toEqual([{ type: 'ConsentExpired', data: { audience: 'KELA', item: expiry }, metadata: fired.metadata }]);
  });

  it('rejects an exit during an ongoing work trial or wage subsidy', () => {
    expect(rejection(given(...STATES.WORK_TRIAL_ONGOING).state, f.exitPath('2026-03-02'))).toEqual({ code: 'PATH.INVALID_TRANSITION', facts: { from: 'WORK_TRIAL', to: 'EXITED' } });
    expect(rejection(given(...STATES.WAGE_SUBSIDY_ONGOING).state, f.exitPath('2026-06-01'))).toEqual({ code: 'PATH.INVALID_TRANSITION', facts: { from: 'WAGE_SUBSIDY', to: 'EXITED' } });
  });
});

describe('PausePath and ResumePath', () => {
  // Paused Fri 20.3.2026 10:00 EET, resumed Fri 3.4.2026 10:00 EEST: 14 days less the hour skipped on 29.3.
  const PAUSED_MS = 14 * 24 * 3600_000 - 3600_000;
  const before = [...STATES.ASSESSMENT_STARTED, f.recordConsent('2026-01-20', { ...KELA, expiresOn: '2026-04-30' })];
  const pause = f.pausePath('2026-03-20');
  const resume = f.resumePath('2026-04-03');

  it('shifts every pending path item by exactly the paused time, including one that fell due while paused', () => {
    const { state } = given(...before, pause);
    const frozen = pending(state);
    expect(frozen['JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1']?.dueAt).toBe('2026-03-26T06:00:00.000Z'); // due during the pause
    const [resumed, ...rest] = accepted(state, resume);
    expect(rest).toEqual([]);
    expect(resumed).toMatchObject({ type: 'PathResumed', data: { resumedAt: '2026-04-03T07:00:00.000Z', pausedMs: PAUSED_MS }, metadata: resume.metadata });
    const rescheduled = resumed?.type === 'PathResumed' ? resumed.data.rescheduled : [];
    expect(rescheduled.map((moved) => moved.id)).toEqual(Object.keys(frozen).filter((id) => !id.startsWith('CONSENT-EXPIRY')));
    for (const moved of rescheduled) expect(Date.parse(moved.dueAt) - Date.parse(frozen[moved.id]?.dueAt ?? '')).toBe(PAUSED_MS);
    expect(rescheduled.find((moved) => moved.id === 'JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1')).toEqual(
      item('JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1', '2026-04-09', '2026-04-09T05:00:00.000Z'),
    );
  });

  it('keeps a consent’s expiry where it was: a pause does not extend the client’s consent', () => {
    const paused = given(...before, pause).state;
    const { state } = given(...before, pause, resume);
    for (const id of ids('CONSENT-EXPIRY', 'KELA@2026-12-31', 'REMINDER-1', 'DEADLINE')) expect(pending(state)[id]).toEqual(pending(paused)[id]);
  });

  it('leaves an active path without the paused fields', () => {
    const { state } = given(...before, pause, resume);
    expect(state.status).toBe('ACTIVE');
    expect(state).not.toHaveProperty('pausedAt');
    expect(state).not.toHaveProperty('pauseReason');
  });

  it('fires nothing while paused', () => {
    const { state } = given(...before, pause);
    expect(rejection(state, f.fire('JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1', '2026-03-26T06:00:00.000Z'))).toEqual({ code: 'PATH.PAUSED', facts: { command: 'FireScheduledItem' } });
  });
});

describe('an item that fired is never armed again', () => {
  // Trial 9.2.–8.5.2026: midpoint Wed 25.3., reminder T−3 BD Fri 20.3. Extended to 30.6.: midpoint Mon 20.4.
  const mid = (kind: string) => `WORK-TRIAL-MID:wt-1:${kind}`;
  const extend = f.extendWorkTrial('2026-03-23', '2026-06-30');

  it('re-plans the midpoint after an extension without the reminder that already fired', () => {
    const { state } = given(...STATES.WORK_TRIAL_ONGOING, f.fire(mid('REMINDER-1'), '2026-03-20T06:00:00.000Z'));
    expect(accepted(state, extend)).toEqual([
      { type: 'WorkTrialExtended', data: { trialId: 'wt-1', plannedEndOn: '2026-06-30' }, metadata: extend.metadata },
      { type: 'ScheduledItemsCancelled', data: { itemIds: [mid('DEADLINE'), mid('ESCALATION')], reason: 'work trial extended' }, metadata: extend.metadata },
      {
        type: 'DeadlinesScheduled',
        data: { items: [item(mid('DEADLINE'), '2026-04-20', '2026-04-20T21:00:00.000Z'), item(mid('ESCALATION'), '2026-04-21', '2026-04-21T05:00:00.000Z')] },
        metadata: extend.metadata,
      },
    ]);
  });

  it('re-arms the whole midpoint when nothing of it had fired', () => {
    const { state } = given(...STATES.WORK_TRIAL_ONGOING);
    const items = accepted(state, extend).flatMap((event) => (event.type === 'DeadlinesScheduled' ? event.data.items : []));
    expect(items.map((planned) => [planned.id, planned.dueOn])).toEqual([
      [mid('REMINDER-1'), '2026-04-15'],
      [mid('DEADLINE'), '2026-04-20'],
      [mid('ESCALATION'), '2026-04-21'],
    ]);
  });
});
