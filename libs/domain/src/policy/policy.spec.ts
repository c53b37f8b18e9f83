import { addDays, helsinkiInstant, type LocalDate } from '../calendar';
import { planRule, type Trigger } from '../schedule/plan';
import type { ScheduledItem } from '../schedule/scheduled-item';
import { FI_POLICY_VERSIONS } from './fi-default.policy';
import { policyById, policyInForce } from './policy';
import { HOURS_A_DAY, SERVICE_DAYS_A_WEEK } from '../path/working-time';
import type { RuleId } from './policy.types';
import { TRAINING_POLICY_VERSIONS } from './training.policy';

describe('policyInForce', () => {
  it.each([
    ['2025-01-01', 'FI-2025.1'],
    ['2025-12-31', 'FI-2025.1'],
    ['2026-01-01', 'FI-2026.1'],
    ['2031-06-15', 'FI-2026.1'],
    ['2024-12-31', 'FI-2025.1'], // before any version: the earliest one
  ])('on %s is %s', (date, id) => {
    expect(policyInForce(date).id).toBe(id);
  });

  it('throws on an empty catalogue', () => {
    expect(() => policyInForce('2026-01-01', [])).toThrow('policy catalogue is empty');
  });
});

describe('the default catalogue', () => {
  it('has unique ids, back-to-back validity and one open-ended version', () => {
    expect(new Set(FI_POLICY_VERSIONS.map((version) => version.id)).size).toBe(FI_POLICY_VERSIONS.length);
    FI_POLICY_VERSIONS.slice(1).forEach((version, index) => expect(addDays(FI_POLICY_VERSIONS[index]?.validTo ?? '', 1)).toBe(version.validFrom));
    expect(FI_POLICY_VERSIONS.filter((version) => version.validTo === undefined).map((version) => version.id)).toEqual(['FI-2026.1']);
  });

  // The staff API can only check what holds for any service (it does not know a path's policy):
  // a policy beyond it would be refused at the edge before its decider ever saw the command.
  it.each([...FI_POLICY_VERSIONS, ...TRAINING_POLICY_VERSIONS].map((version) => [version.id, version.limits] as const))('%s keeps its work schedules within a working week and a day', (_id, limits) => {
    const [minDays, maxDays] = SERVICE_DAYS_A_WEEK;
    for (const [min, max] of [limits.workTrialDaysPerWeek, limits.rehabDaysPerWeek]) expect([min >= minDays, max <= maxDays]).toEqual([true, true]);
    expect(limits.workTrialHoursPerDay[1]).toBeLessThanOrEqual(HOURS_A_DAY);
  });

  it('finds versions by id and nothing for an unknown id', () => {
    expect(policyById('FI-2025.1')?.validTo).toBe('2025-12-31');
    expect(policyById('FI-2099.9')).toBeUndefined();
  });
});

/**
 * What each rule of DOMAIN.md's deadline table means on the real FI_AUTHORITY calendar: given a
 * trigger, the dates its reminders, deadline and escalation fall on, at 08:00 Helsinki. The
 * triggers sit next to holidays (Christmas, Easter, May Day, Ascension, Midsummer), so a business
 * day counted wrong, or a rule's number changed, moves a date here.
 */
type Due = readonly [kind: ScheduledItem['kind'], dueOn: LocalDate, notify?: ScheduledItem['notify']];
type Row = readonly [rule: RuleId, version: string, trigger: Omit<Trigger, 'rule' | 'subject' | 'at'>, due: readonly Due[], why: string];

const ROWS: readonly Row[] = [
  ['INIT-INTERVIEW', 'FI-2025.1', { on: '2025-12-18' }, [['REMINDER', '2025-12-23'], ['DEADLINE', '2025-12-30'], ['ESCALATION', '2025-12-31', 'TEAM_LEAD']], '+5 BD over 24.–26.12.; T−2 BD; New Year’s Eve is a business day'],
  ['INIT-INTERVIEW', 'FI-2026.1', { on: '2026-12-18' }, [['REMINDER', '2026-12-31'], ['REMINDER', '2027-01-05'], ['DEADLINE', '2027-01-07'], ['ESCALATION', '2027-01-08', 'TEAM_LEAD']], '+10 BD over Christmas, New Year and Epiphany; T−3 and T−1 BD'],
  ['EMPLOYMENT-PLAN', 'FI-2026.1', { on: '2026-04-02' }, [['DEADLINE', '2026-04-07'], ['ESCALATION', '2026-04-08', 'TEAM_LEAD']], '+1 BD over Good Friday and Easter Monday; escalation +2 BD from the interview'],
  ['JOB-SEARCH-DISCUSSION', 'FI-2026.1', { on: '2026-11-30' }, [['REMINDER', '2027-02-15'], ['REMINDER', '2027-02-25'], ['DEADLINE', '2027-03-01'], ['ESCALATION', '2027-03-02', 'TEAM_LEAD']], '+3 months is Sun 28.2., moved to Monday'],
  ['ASSESSMENT-DONE', 'FI-2026.1', { on: '2026-06-01' }, [['REMINDER', '2026-06-23'], ['DEADLINE', '2026-06-30'], ['ESCALATION', '2026-07-01', 'TEAM_LEAD']], '+20 BD over Midsummer Eve'],
  ['WORK-TRIAL-MAX', 'FI-2026.1', { on: '2026-11-16' }, [['REMINDER', '2027-04-16']], 'only a reminder 20 BD before start + 6 months (Sun 16.5. → Mon 17.5.), past Ascension Day'],
  ['WORK-TRIAL-MID', 'FI-2026.1', { on: '2026-11-16', periodEnd: '2027-02-12' }, [['REMINDER', '2026-12-23'], ['DEADLINE', '2026-12-30'], ['ESCALATION', '2026-12-31']], 'the midpoint; the escalation goes to the coach'],
  ['WORK-TRIAL-FEEDBACK', 'FI-2026.1', { on: '2026-04-30' }, [['REMINDER', '2026-05-06'], ['DEADLINE', '2026-05-08'], ['ESCALATION', '2026-05-18']], '+5 BD over May Day; +10 BD from the end over Ascension Day'],
  ['WAGE-SUBSIDY-END', 'FI-2026.1', { on: '2026-05-11', dueOn: '2026-12-31' }, [['REMINDER', '2026-11-30'], ['ESCALATION', '2026-12-22', 'TEAM_LEAD'], ['DEADLINE', '2026-12-31']], 'T−1 month; escalation T−5 BD before the end, over Christmas'],
  ['COACHING-START-REPORT', 'FI-2026.1', { on: '2026-12-14' }, [['REMINDER', '2026-12-23'], ['DEADLINE', '2026-12-30'], ['ESCALATION', '2026-12-31', 'CONTRACT_MANAGER']], '+10 BD over Christmas'],
  ['COACHING-MID-REPORT', 'FI-2026.1', { on: '2026-12-14', periodEnd: '2027-01-13' }, [['REMINDER', '2026-12-22'], ['DEADLINE', '2026-12-29'], ['ESCALATION', '2026-12-30', 'CONTRACT_MANAGER']], 'at 50 % of the coaching'],
  ['COACHING-FINAL-REPORT', 'FI-2026.1', { on: '2026-06-15' }, [['REMINDER', '2026-06-25'], ['DEADLINE', '2026-06-30'], ['ESCALATION', '2026-07-01', 'CONTRACT_MANAGER']], 'end +10 BD over Midsummer Eve'],
  ['REHAB-REVIEW', 'FI-2026.1', { on: '2026-02-02', dueOn: '2026-05-15' }, [['REMINDER', '2026-04-22'], ['DEADLINE', '2026-05-15'], ['ESCALATION', '2026-05-18', 'WELLBEING_COUNTY_LEAD']], 'T−15 BD before the plan’s date, over Ascension Day and May Day'],
  ['MULTISECTORAL-SCREEN', 'FI-2026.1', { on: '2026-04-01' }, [['REMINDER', '2026-04-17'], ['DEADLINE', '2026-04-24'], ['ESCALATION', '2026-04-27', 'MULTISECTORAL_TEAM']], '+15 BD over Easter'],
  ['FOLLOW-UP', 'FI-2026.1', { on: '2026-10-12', dueOn: '2027-01-12' }, [['REMINDER', '2027-01-12'], ['ESCALATION', '2027-01-26']], 'a prompt on the day, no missed deadline; +10 BD to the coach'],
  ['CONSENT-EXPIRY', 'FI-2026.1', { on: '2026-01-07', dueOn: '2026-12-31' }, [['REMINDER', '2026-12-15'], ['DEADLINE', '2026-12-31']], 'T−10 BD back over Christmas; no escalation'],
];

describe('the deadline rules on the FI_AUTHORITY calendar', () => {
  it('has a row for every rule of the default policy', () => {
    expect([...new Set(ROWS.map(([rule]) => rule))].sort()).toEqual(Object.keys(policyInForce('2026-01-01').rules).sort());
  });

  it.each(ROWS.map(([rule, version, trigger, due, why]) => ({ rule, version, trigger, due, why })))('$rule ($version): $why', ({ rule, version, trigger, due }) => {
    const policy = policyById(version);
    if (!policy) throw new Error(`no policy ${version}`);
    const items = planRule(policy, { rule, subject: 's', at: helsinkiInstant(trigger.on, 7), ...trigger });
    expect(items.map((item) => [item.kind, item.dueOn, item.notify])).toEqual(due.map(([kind, dueOn, notify = 'COACH']) => [kind, dueOn, notify]));
    // Reminders and escalations fire at the policy's hour; a deadline is missed when its day is over.
    for (const item of items) expect(item.dueAt).toBe(item.kind === 'DEADLINE' ? helsinkiInstant(addDays(item.dueOn, 1), 0) : helsinkiInstant(item.dueOn, 8));
  });
});
