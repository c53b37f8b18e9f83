import { addDays } from '../calendar';
import { FI_POLICY_VERSIONS } from './fi-default.policy';
import { policyById, policyInForce } from './policy';
import type { RuleId, RuleSpec } from './policy.types';

/** The rules of DOMAIN.md's table; "COACHING-REPORTS" is split into its three reports. */
const DOMAIN_RULES: readonly RuleId[] = [
  'INIT-INTERVIEW',
  'EMPLOYMENT-PLAN',
  'JOB-SEARCH-DISCUSSION',
  'ASSESSMENT-DONE',
  'WORK-TRIAL-MAX',
  'WORK-TRIAL-MID',
  'WORK-TRIAL-FEEDBACK',
  'WAGE-SUBSIDY-END',
  'COACHING-START-REPORT',
  'COACHING-MID-REPORT',
  'COACHING-FINAL-REPORT',
  'REHAB-REVIEW',
  'MULTISECTORAL-SCREEN',
  'FOLLOW-UP',
  'CONSENT-EXPIRY',
];
const BD = (businessDays: number) => ({ businessDays });

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
  it.each(FI_POLICY_VERSIONS.map((version) => [version.id, version] as const))('%s has every rule of DOMAIN.md', (_id, version) => {
    expect(Object.keys(version.rules).sort()).toEqual([...DOMAIN_RULES].sort());
  });

  it('has unique ids, back-to-back validity and one open-ended version', () => {
    expect(new Set(FI_POLICY_VERSIONS.map((version) => version.id)).size).toBe(FI_POLICY_VERSIONS.length);
    FI_POLICY_VERSIONS.slice(1).forEach((version, index) => expect(addDays(FI_POLICY_VERSIONS[index]?.validTo ?? '', 1)).toBe(version.validFrom));
    expect(FI_POLICY_VERSIONS.filter((version) => version.validTo === undefined).map((version) => version.id)).toEqual(['FI-2026.1']);
  });

  it('finds versions by id and nothing for an unknown id', () => {
    expect(policyById('FI-2025.1')?.validTo).toBe('2025-12-31');
    expect(policyById('FI-2099.9')).toBeUndefined();
  });

  it.each([
    ['FI-2025.1', { deadline: { after: BD(5) }, onDeadline: 'MISSED', reminders: [BD(-2)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'TEAM_LEAD' } }],
    ['FI-2026.1', { deadline: { after: BD(10) }, onDeadline: 'MISSED', reminders: [BD(-3), BD(-1)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'TEAM_LEAD' } }],
  ] as const)('%s: INIT-INTERVIEW as in DOMAIN.md', (id, spec) => {
    expect(policyById(id)?.rules['INIT-INTERVIEW']).toEqual(spec);
  });

  it.each<readonly [RuleId, RuleSpec]>([
    ['EMPLOYMENT-PLAN', { deadline: { after: BD(1) }, onDeadline: 'MISSED', reminders: [], escalation: { from: 'TRIGGER', offset: BD(2), to: 'TEAM_LEAD' } }],
    ['JOB-SEARCH-DISCUSSION', { deadline: { after: { calendarMonths: 3 } }, onDeadline: 'MISSED', reminders: [BD(-10), BD(-2)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'TEAM_LEAD' } }],
    ['ASSESSMENT-DONE', { deadline: { after: BD(20) }, onDeadline: 'MISSED', reminders: [BD(-5)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'TEAM_LEAD' } }],
    ['WORK-TRIAL-MAX', { deadline: { after: { calendarMonths: 6 } }, onDeadline: 'NOTHING', reminders: [BD(-20)] }],
    ['WORK-TRIAL-MID', { deadline: { midpoint: true }, onDeadline: 'MISSED', reminders: [BD(-3)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'COACH' } }],
    ['WORK-TRIAL-FEEDBACK', { deadline: { after: BD(5) }, onDeadline: 'MISSED', reminders: [BD(-2)], escalation: { from: 'TRIGGER', offset: BD(10), to: 'COACH' } }],
    ['WAGE-SUBSIDY-END', { deadline: { given: true }, onDeadline: 'MISSED', reminders: [{ calendarMonths: -1 }], escalation: { from: 'DEADLINE', offset: BD(-5), to: 'TEAM_LEAD' } }],
    ['COACHING-START-REPORT', { deadline: { after: BD(10) }, onDeadline: 'MISSED', reminders: [BD(-3)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'CONTRACT_MANAGER' } }],
    ['COACHING-MID-REPORT', { deadline: { midpoint: true }, onDeadline: 'MISSED', reminders: [BD(-3)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'CONTRACT_MANAGER' } }],
    ['COACHING-FINAL-REPORT', { deadline: { after: BD(10) }, onDeadline: 'MISSED', reminders: [BD(-3)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'CONTRACT_MANAGER' } }],
    ['REHAB-REVIEW', { deadline: { given: true }, onDeadline: 'MISSED', reminders: [BD(-15)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'WELLBEING_COUNTY_LEAD' } }],
    ['MULTISECTORAL-SCREEN', { deadline: { after: BD(15) }, onDeadline: 'MISSED', reminders: [BD(-5)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'MULTISECTORAL_TEAM' } }],
    ['FOLLOW-UP', { deadline: { given: true }, onDeadline: 'NOTHING', reminders: [BD(0)], escalation: { from: 'DEADLINE', offset: BD(10), to: 'COACH' } }],
    ['CONSENT-EXPIRY', { deadline: { given: true }, onDeadline: 'CONSENT_EXPIRED', reminders: [BD(-10)] }],
  ])('every version: %s as in DOMAIN.md', (rule, spec) => {
    for (const version of FI_POLICY_VERSIONS) expect(version.rules[rule]).toEqual(spec);
  });

  it('has the limits of DOMAIN.md in every version, and fires at 08:00', () => {
    for (const version of FI_POLICY_VERSIONS) {
      expect(version.firingHour).toBe(8);
      expect(version.limits).toMatchObject({
        workTrialMaxMonths: 6,
        workTrialDaysPerWeek: [1, 5],
        workTrialHoursPerDay: [4, 8],
        wageSubsidyMaxMonths: 24,
        wageSubsidyFullRateMaxWorkingTimePercent: 65,
        educationTrialMaxDays: 10,
        rehabMonths: [3, 24],
        rehabDaysPerWeek: [1, 4],
        rehabMinHoursPerDay: 4,
        applicationsPerMonth: [0, 4],
        multisectoralScreenMonths: { under25: 6, from25: 12 },
        followUpMonths: [3, 6],
      });
    }
  });
});
