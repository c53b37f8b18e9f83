import { addCalendarMonthsDeadline, addMonths, isBusinessDay } from '../calendar';
import type { ScheduledItem } from '../schedule/scheduled-item';
import * as f from './testing/path-fixtures';
import { accepted, given, item } from './testing/path-fixtures';

/**
 * Due dates on the FI_AUTHORITY calendar, worked out by hand (the comments show the count).
 * Reminders and escalations fire at 08:00 Helsinki: 06:00Z in winter, 05:00Z in summer. A
 * deadline fires when its due day is over: 00:00 Helsinki the day after (22:00Z / 21:00Z).
 */
const scheduledItems = (events: ReturnType<typeof accepted>): ScheduledItem[] => events.flatMap((event) => (event.type === 'DeadlinesScheduled' ? event.data.items : []));
const initInterview = (reminders: readonly (readonly [string, string])[], dueOn: string, dueAt: string, escalation: readonly [string, string]) => [
  ...reminders.map(([on, at], index) => item(`INIT-INTERVIEW:path:REMINDER-${index + 1}`, on, at)),
  item('INIT-INTERVIEW:path:DEADLINE', dueOn, dueAt),
  item('INIT-INTERVIEW:path:ESCALATION', escalation[0], escalation[1], 'TEAM_LEAD'),
];

describe('INIT-INTERVIEW: the initial interview after registration', () => {
  it('registered Mon 15.12.2025 under FI-2025.1: +5 BD = Mon 22.12., T−2 BD = Thu 18.12., T+1 BD = Tue 23.12. to the team lead', () => {
    const start = f.startPath('2025-12-15');
    expect(accepted(f.given().state, start)).toEqual([
      { type: 'PathStarted', data: { ...start.data, policy: f.policy('FI-2025.1') }, metadata: start.metadata },
      {
        type: 'DeadlinesScheduled',
        data: { items: initInterview([['2025-12-18', '2025-12-18T06:00:00.000Z']], '2025-12-22', '2025-12-22T22:00:00.000Z', ['2025-12-23', '2025-12-23T06:00:00.000Z']) },
        metadata: start.metadata,
      },
    ]);
  });

  it.each([
    // 19.12.2025 Fri, FI-2025.1: 22, 23, (24–26 holidays), 29, 30, 31 → New Year's Eve is a business day.
    ['2025-12-19', [['2025-12-29', '2025-12-29T06:00:00.000Z']], '2025-12-31', '2025-12-31T22:00:00.000Z', ['2026-01-02', '2026-01-02T06:00:00.000Z']],
    // 29.12.2025 Mon: 30, 31, (1.1.), 2, 5, (6.1. Epiphany), 7 → reminder on Fri 2.1., escalation Thu 8.1.
    ['2025-12-29', [['2026-01-02', '2026-01-02T06:00:00.000Z']], '2026-01-07', '2026-01-07T22:00:00.000Z', ['2026-01-08', '2026-01-08T06:00:00.000Z']],
    // 31.12.2025, the last day of FI-2025.1: 2, 5, 7, 8, 9 → Fri 9.1.; escalation Mon 12.1.
    ['2025-12-31', [['2026-01-07', '2026-01-07T06:00:00.000Z']], '2026-01-09', '2026-01-09T22:00:00.000Z', ['2026-01-12', '2026-01-12T06:00:00.000Z']],
    // 1.1.2026 (a holiday, FI-2026.1 from today): 2, 5, 7, 8, 9, 12, 13, 14, 15, 16 → +10 BD = Fri 16.1.
    ['2026-01-01', [['2026-01-13', '2026-01-13T06:00:00.000Z'], ['2026-01-15', '2026-01-15T06:00:00.000Z']], '2026-01-16', '2026-01-16T22:00:00.000Z', ['2026-01-19', '2026-01-19T06:00:00.000Z']],
    // 7.1.2026 Wed: +10 BD = Wed 21.1.; T−3 BD = Fri 16.1., T−1 BD = Tue 20.1.
    ['2026-01-07', [['2026-01-16', '2026-01-16T06:00:00.000Z'], ['2026-01-20', '2026-01-20T06:00:00.000Z']], '2026-01-21', '2026-01-21T22:00:00.000Z', ['2026-01-22', '2026-01-22T06:00:00.000Z']],
    // 20.3.2026 Fri, summer time from Sun 29.3.: 23–27, 30, 31, 1.4., 2.4., (Good Friday, Easter Monday), 7.4.
    ['2026-03-20', [['2026-03-31', '2026-03-31T05:00:00.000Z'], ['2026-04-02', '2026-04-02T05:00:00.000Z']], '2026-04-07', '2026-04-07T21:00:00.000Z', ['2026-04-08', '2026-04-08T05:00:00.000Z']],
    // 12.10.2026 Mon, winter time from Sun 25.10.: reminders in summer, the deadline's midnight and escalation in winter.
    ['2026-10-12', [['2026-10-21', '2026-10-21T05:00:00.000Z'], ['2026-10-23', '2026-10-23T05:00:00.000Z']], '2026-10-26', '2026-10-26T22:00:00.000Z', ['2026-10-27', '2026-10-27T06:00:00.000Z']],
  ] as const)('registered %s → reminders %j, due %s (fires %s), escalation %j', (registeredOn, reminders, dueOn, dueAt, escalation) => {
    expect(scheduledItems(accepted(f.given().state, f.startPath(registeredOn)))).toEqual(initInterview(reminders, dueOn, dueAt, escalation));
  });

  it('pins the policy in force at registration: 31.12.2025 → FI-2025.1, 1.1.2026 → FI-2026.1', () => {
    expect(given(f.startPath('2025-12-31')).state).toMatchObject({ policy: { id: 'FI-2025.1' } });
    expect(given(f.startPath('2026-01-01')).state).toMatchObject({ policy: { id: 'FI-2026.1' } });
  });
});

describe('JOB-SEARCH-DISCUSSION: every 3 calendar months', () => {
  it('interview on Sun 30.11.2025: +3 months = Sat 28.2.2026, moved to Mon 2.3.; T−10 BD, T−2 BD, T+1 BD', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(isBusinessDay('2026-02-28')).toBe(false);
    expect(addCalendarMonthsDeadline('2025-11-30', 3)).toBe('2026-03-02');

    const { state } = given(f.startPath('2025-11-28'));
    const interview = f.holdInitialInterview('2025-11-30', { employmentPlan: undefined });
    expect(accepted(state, interview)).toEqual([
      { type: 'InitialInterviewHeld', data: interview.data, metadata: interview.metadata },
      { type: 'ScheduledItemsCancelled', data: { itemIds: ['INIT-INTERVIEW:path:REMINDER-1', 'INIT-INTERVIEW:path:DEADLINE', 'INIT-INTERVIEW:path:ESCALATION'], reason: 'initial interview held' }, metadata: interview.metadata },
      {
        type: 'DeadlinesScheduled',
        data: {
          items: [
            item('JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1', '2026-02-16', '2026-02-16T06:00:00.000Z'),
            item('JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-2', '2026-02-26', '2026-02-26T06:00:00.000Z'),
            item('JOB-SEARCH-DISCUSSION:jsd-1:DEADLINE', '2026-03-02', '2026-03-02T22:00:00.000Z'),
            item('JOB-SEARCH-DISCUSSION:jsd-1:ESCALATION', '2026-03-03', '2026-03-03T06:00:00.000Z', 'TEAM_LEAD'),
            // No plan in the interview: EMPLOYMENT-PLAN +1 BD (Mon 1.12.), escalation +2 BD from the trigger.
            item('EMPLOYMENT-PLAN:path:DEADLINE', '2025-12-01', '2025-12-01T22:00:00.000Z'),
            item('EMPLOYMENT-PLAN:path:ESCALATION', '2025-12-02', '2025-12-02T06:00:00.000Z', 'TEAM_LEAD'),
          ],
        },
        metadata: interview.metadata,
      },
    ]);
  });

  it('the next discussion counts from the last one: held Fri 27.2.2026 → due Wed 27.5. (T−10 BD skips Ascension Day 14.5.)', () => {
    const { state } = given(f.startPath('2026-01-07'), f.holdInitialInterview('2026-01-12'));
    const discussion = f.holdJobSearchDiscussion('2026-02-27');
    const events = accepted(state, discussion);
    expect(events.slice(0, 2)).toEqual([
      { type: 'JobSearchDiscussionHeld', data: { heldOn: '2026-02-27', sequence: 1 }, metadata: discussion.metadata },
      { type: 'ScheduledItemsCancelled', data: { itemIds: ['REMINDER-1', 'REMINDER-2', 'DEADLINE', 'ESCALATION'].map((k) => `JOB-SEARCH-DISCUSSION:jsd-1:${k}`), reason: 'job-search discussion held' }, metadata: discussion.metadata },
    ]);
    expect(scheduledItems(events)).toEqual([
      item('JOB-SEARCH-DISCUSSION:jsd-2:REMINDER-1', '2026-05-12', '2026-05-12T05:00:00.000Z'),
      item('JOB-SEARCH-DISCUSSION:jsd-2:REMINDER-2', '2026-05-25', '2026-05-25T05:00:00.000Z'),
      item('JOB-SEARCH-DISCUSSION:jsd-2:DEADLINE', '2026-05-27', '2026-05-27T21:00:00.000Z'),
      item('JOB-SEARCH-DISCUSSION:jsd-2:ESCALATION', '2026-05-28', '2026-05-28T05:00:00.000Z', 'TEAM_LEAD'),
    ]);
  });

  it.each([
    ['2027-11-30', '2028-02-29', '2028-02-29T22:00:00.000Z'], // clamped to the leap day, a Tuesday
    ['2026-01-31', '2026-04-30', '2026-04-30T21:00:00.000Z'], // clamped to 30.4., summer time
    ['2026-09-20', '2026-12-21', '2026-12-21T22:00:00.000Z'], // Sun 20.12. → Mon 21.12.
    ['2026-09-24', '2026-12-28', '2026-12-28T22:00:00.000Z'], // Thu 24.12. (Christmas Eve) → Mon 28.12.
  ])('interview on %s → discussion due %s, missed at %s', (heldOn, dueOn, dueAt) => {
    const { state } = given(f.startPath(heldOn));
    const deadline = scheduledItems(accepted(state, f.holdInitialInterview(heldOn))).find((planned) => planned.kind === 'DEADLINE');
    expect(deadline).toEqual(item('JOB-SEARCH-DISCUSSION:jsd-1:DEADLINE', dueOn, dueAt));
  });
});

describe('WORK-TRIAL-FEEDBACK and FOLLOW-UP', () => {
  it('a trial ended on Fri 8.5.2026 without feedback: due Mon 18.5. (Ascension Day 14.5. skipped), T−2 BD, +10 BD → coach', () => {
    const { state } = given(...f.STATES.WORK_TRIAL_ONGOING);
    expect(scheduledItems(accepted(state, f.endWorkTrial('2026-05-08', null)))).toEqual([
      item('WORK-TRIAL-FEEDBACK:wt-1:REMINDER-1', '2026-05-13', '2026-05-13T05:00:00.000Z'),
      item('WORK-TRIAL-FEEDBACK:wt-1:DEADLINE', '2026-05-18', '2026-05-18T21:00:00.000Z'),
      item('WORK-TRIAL-FEEDBACK:wt-1:ESCALATION', '2026-05-25', '2026-05-25T05:00:00.000Z'),
    ]);
  });

  it('an exit on Mon 12.10.2026: follow-ups on Tue 12.1.2027 and Mon 12.4.2027, each reminded on the day, +10 BD → coach', () => {
    const { state } = given(...f.STATES.WAGE_SUBSIDY_ENDED);
    expect(scheduledItems(accepted(state, f.exitPath('2026-10-12')))).toEqual([
      item('FOLLOW-UP:follow-up-3:REMINDER-1', '2027-01-12', '2027-01-12T06:00:00.000Z'),
      item('FOLLOW-UP:follow-up-3:ESCALATION', '2027-01-26', '2027-01-26T06:00:00.000Z'),
      item('FOLLOW-UP:follow-up-6:REMINDER-1', '2027-04-12', '2027-04-12T05:00:00.000Z'),
      item('FOLLOW-UP:follow-up-6:ESCALATION', '2027-04-26', '2027-04-26T05:00:00.000Z'),
    ]);
  });
});
