import { FI_POLICY_VERSIONS } from '../policy/fi-default.policy';
import type { PolicyVersion, RuleSpec } from '../policy/policy.types';
import { planRule, type Trigger } from './plan';
import type { ScheduledItem } from './scheduled-item';

const FI_2026 = FI_POLICY_VERSIONS.find((version) => version.id === 'FI-2026.1') as PolicyVersion;
const at = (id: string, dueOn: string, dueAt: string, notify: ScheduledItem['notify'] = 'COACH'): ScheduledItem => {
  const [rule, subject, kind] = id.split(':') as [ScheduledItem['rule'], string, string];
  return { id, rule, subject, kind: kind.split('-')[0] as ScheduledItem['kind'], dueOn, dueAt, notify };
};
const ids = (items: readonly ScheduledItem[]) => items.map((item) => item.id);

describe('planRule: items at or before the trigger instant are left out', () => {
  // Registered Wed 7.1.2026: reminders Fri 16.1. and Tue 20.1. at 08:00 (06:00Z), due Wed 21.1.
  const registered = (instant: string): Trigger => ({ rule: 'INIT-INTERVIEW', subject: 'path', on: '2026-01-07', at: instant });

  it('keeps a reminder due one millisecond after the trigger', () => {
    expect(ids(planRule(FI_2026, registered('2026-01-16T05:59:59.999Z')))).toEqual(ids(planRule(FI_2026, registered('2026-01-07T08:00:00.000Z'))));
  });

  it('drops a reminder due exactly at the trigger instant, and everything before it', () => {
    expect(planRule(FI_2026, registered('2026-01-16T06:00:00.000Z'))).toEqual([
      at('INIT-INTERVIEW:path:REMINDER-2', '2026-01-20', '2026-01-20T06:00:00.000Z'),
      at('INIT-INTERVIEW:path:DEADLINE', '2026-01-21', '2026-01-21T22:00:00.000Z'),
      at('INIT-INTERVIEW:path:ESCALATION', '2026-01-22', '2026-01-22T06:00:00.000Z', 'TEAM_LEAD'),
    ]);
  });

  it('plans nothing when the trigger comes after the escalation', () => {
    expect(planRule(FI_2026, registered('2026-01-22T06:00:00.000Z'))).toEqual([]);
  });

  it('drops a midpoint reminder that would precede a short trial’s start (T−3 BD before a two-day midpoint)', () => {
    const items = planRule(FI_2026, { rule: 'WORK-TRIAL-MID', subject: 'wt-1', on: '2026-02-09', at: '2026-02-09T08:00:00.000Z', periodEnd: '2026-02-13' });
    expect(items).toEqual([
      at('WORK-TRIAL-MID:wt-1:DEADLINE', '2026-02-11', '2026-02-11T22:00:00.000Z'),
      at('WORK-TRIAL-MID:wt-1:ESCALATION', '2026-02-12', '2026-02-12T06:00:00.000Z'),
    ]);
  });
});

describe('planRule: midpoint deadlines', () => {
  it.each([
    ['2026-02-09', '2026-02-09', '2026-02-09'], // a one-day period
    ['2026-02-09', '2026-02-10', '2026-02-09'], // half a day rounds down
    ['2026-02-09', '2026-02-11', '2026-02-10'],
    ['2026-02-09', '2026-05-08', '2026-03-25'], // 88 days → day 44
    ['2026-11-16', '2027-02-12', '2026-12-30'], // across the year end
  ])('a period %s–%s has its midpoint on %s', (on, periodEnd, midpoint) => {
    const items = planRule(FI_2026, { rule: 'COACHING-MID-REPORT', subject: 'ss-1', on, at: '2020-01-01T00:00:00.000Z', periodEnd });
    expect(items.find((item) => item.kind === 'DEADLINE')?.dueOn).toBe(midpoint);
  });

  it('plans a trial’s mid-point check-in: T−3 BD reminder, the midpoint itself, T+1 BD escalation to the coach', () => {
    expect(planRule(FI_2026, { rule: 'WORK-TRIAL-MID', subject: 'wt-1', on: '2026-02-09', at: '2026-02-09T08:00:00.000Z', periodEnd: '2026-05-08' })).toEqual([
      at('WORK-TRIAL-MID:wt-1:REMINDER-1', '2026-03-20', '2026-03-20T06:00:00.000Z'),
      at('WORK-TRIAL-MID:wt-1:DEADLINE', '2026-03-25', '2026-03-25T22:00:00.000Z'),
      at('WORK-TRIAL-MID:wt-1:ESCALATION', '2026-03-26', '2026-03-26T06:00:00.000Z'),
    ]);
  });

  it('throws for a midpoint or given rule without its date: a broken invariant, not a user error', () => {
    expect(() => planRule(FI_2026, { rule: 'WORK-TRIAL-MID', subject: 'wt-1', on: '2026-02-09', at: '2026-02-09T08:00:00.000Z' })).toThrow('rule WORK-TRIAL-MID needs a date from the command');
    expect(() => planRule(FI_2026, { rule: 'WAGE-SUBSIDY-END', subject: 'ws-1', on: '2026-02-09', at: '2026-02-09T08:00:00.000Z' })).toThrow('rule WAGE-SUBSIDY-END needs a date from the command');
  });
});

describe('planRule: second offsets for drills', () => {
  const drill: RuleSpec = {
    deadline: { after: { seconds: 120 } },
    onDeadline: 'MISSED',
    reminders: [{ seconds: -60 }, { seconds: -180 }],
    escalation: { from: 'DEADLINE', offset: { seconds: 30 }, to: 'TEAM_LEAD' },
  };
  const drillPolicy: PolicyVersion = { ...FI_2026, id: 'DRILL', rules: { ...FI_2026.rules, 'ASSESSMENT-DONE': drill } };

  it('puts each item at its exact instant, dated by the Helsinki day it falls on (23:59 → 00:01 next day)', () => {
    // 2026-01-06T21:59:00Z is 23:59 in Helsinki on Epiphany; two minutes later it is 7.1.
    expect(planRule(drillPolicy, { rule: 'ASSESSMENT-DONE', subject: 'drill', on: '2026-01-06', at: '2026-01-06T21:59:00.000Z' })).toEqual([
      at('ASSESSMENT-DONE:drill:REMINDER-1', '2026-01-07', '2026-01-06T22:00:00.000Z'),
      at('ASSESSMENT-DONE:drill:DEADLINE', '2026-01-07', '2026-01-06T22:01:00.000Z'),
      at('ASSESSMENT-DONE:drill:ESCALATION', '2026-01-07', '2026-01-06T22:01:30.000Z', 'TEAM_LEAD'),
    ]); // REMINDER-2 (−180 s) would fire before the trigger and is left out
  });

  it('counts a trigger-relative escalation in seconds from the trigger instant', () => {
    const fromTrigger: PolicyVersion = { ...drillPolicy, rules: { ...drillPolicy.rules, 'ASSESSMENT-DONE': { ...drill, reminders: [], escalation: { from: 'TRIGGER', offset: { seconds: 45 }, to: 'COACH' } } } };
    expect(planRule(fromTrigger, { rule: 'ASSESSMENT-DONE', subject: 'drill', on: '2026-03-29', at: '2026-03-29T00:59:30.000Z' })).toEqual([
      at('ASSESSMENT-DONE:drill:ESCALATION', '2026-03-29', '2026-03-29T01:00:15.000Z'), // across the spring-forward instant
      at('ASSESSMENT-DONE:drill:DEADLINE', '2026-03-29', '2026-03-29T01:01:30.000Z'),
    ]);
  });
});

describe('planRule: what a rule records', () => {
  it('plans no DEADLINE item for a rule whose deadline records nothing (WORK-TRIAL-MAX, FOLLOW-UP)', () => {
    expect(ids(planRule(FI_2026, { rule: 'WORK-TRIAL-MAX', subject: 'wt-1', on: '2026-02-09', at: '2026-02-09T08:00:00.000Z' }))).toEqual(['WORK-TRIAL-MAX:wt-1:REMINDER-1']);
    expect(ids(planRule(FI_2026, { rule: 'FOLLOW-UP', subject: 'follow-up-3', on: '2026-10-12', at: '2026-10-12T07:00:00.000Z', dueOn: '2027-01-12' }))).toEqual([
      'FOLLOW-UP:follow-up-3:REMINDER-1',
      'FOLLOW-UP:follow-up-3:ESCALATION',
    ]);
  });

  it('plans a subsidy end: T−1 month renewal reminder, T−5 BD escalation before the end, the end itself', () => {
    expect(planRule(FI_2026, { rule: 'WAGE-SUBSIDY-END', subject: 'ws-1', on: '2026-05-11', at: '2026-05-11T07:00:00.000Z', dueOn: '2026-10-09' })).toEqual([
      at('WAGE-SUBSIDY-END:ws-1:REMINDER-1', '2026-09-09', '2026-09-09T05:00:00.000Z'),
      at('WAGE-SUBSIDY-END:ws-1:ESCALATION', '2026-10-02', '2026-10-02T05:00:00.000Z', 'TEAM_LEAD'),
      at('WAGE-SUBSIDY-END:ws-1:DEADLINE', '2026-10-09', '2026-10-09T21:00:00.000Z'),
    ]);
  });
});
