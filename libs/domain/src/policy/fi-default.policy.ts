import type { PolicyLimits, PolicyVersion, RuleId, RuleSpec } from './policy.types';

/**
 * The default Finnish policy (shared/DOMAIN.md, "Deadline rules"). Numbers live here as data;
 * code reads them through `policyInForce` / `policyById`, never as literals.
 */
const BD = (businessDays: number) => ({ businessDays });
const MONTHS = (calendarMonths: number) => ({ calendarMonths });

const LIMITS: PolicyLimits = {
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
};

const SHARED_RULES: Omit<Record<RuleId, RuleSpec>, 'INIT-INTERVIEW'> = {
  'EMPLOYMENT-PLAN': { deadline: { after: BD(1) }, onDeadline: 'MISSED', reminders: [], escalation: { from: 'TRIGGER', offset: BD(2), to: 'TEAM_LEAD' } },
  'JOB-SEARCH-DISCUSSION': {
    deadline: { after: MONTHS(3) },
    onDeadline: 'MISSED',
    reminders: [BD(-10), BD(-2)],
    escalation: { from: 'DEADLINE', offset: BD(1), to: 'TEAM_LEAD' },
  },
  'ASSESSMENT-DONE': { deadline: { after: BD(20) }, onDeadline: 'MISSED', reminders: [BD(-5)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'TEAM_LEAD' } },
  // The hard limit itself is `limits.workTrialMaxMonths`; this rule reminds to plan the next step.
  'WORK-TRIAL-MAX': { deadline: { after: MONTHS(6) }, onDeadline: 'NOTHING', reminders: [BD(-20)] },
  'WORK-TRIAL-MID': { deadline: { midpoint: true }, onDeadline: 'MISSED', reminders: [BD(-3)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'COACH' } },
  'WORK-TRIAL-FEEDBACK': { deadline: { after: BD(5) }, onDeadline: 'MISSED', reminders: [BD(-2)], escalation: { from: 'TRIGGER', offset: BD(10), to: 'COACH' } },
  'WAGE-SUBSIDY-END': { deadline: { given: true }, onDeadline: 'MISSED', reminders: [MONTHS(-1)], escalation: { from: 'DEADLINE', offset: BD(-5), to: 'TEAM_LEAD' } },
  'COACHING-START-REPORT': { deadline: { after: BD(10) }, onDeadline: 'MISSED', reminders: [BD(-3)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'CONTRACT_MANAGER' } },
  'COACHING-MID-REPORT': { deadline: { midpoint: true }, onDeadline: 'MISSED', reminders: [BD(-3)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'CONTRACT_MANAGER' } },
  'COACHING-FINAL-REPORT': { deadline: { after: BD(10) }, onDeadline: 'MISSED', reminders: [BD(-3)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'CONTRACT_MANAGER' } },
  'REHAB-REVIEW': { deadline: { given: true }, onDeadline: 'MISSED', reminders: [BD(-15)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'WELLBEING_COUNTY_LEAD' } },
  'MULTISECTORAL-SCREEN': { deadline: { after: BD(15) }, onDeadline: 'MISSED', reminders: [BD(-5)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'MULTISECTORAL_TEAM' } },
  'FOLLOW-UP': { deadline: { given: true }, onDeadline: 'NOTHING', reminders: [BD(0)], escalation: { from: 'DEADLINE', offset: BD(10), to: 'COACH' } },
  'CONSENT-EXPIRY': { deadline: { given: true }, onDeadline: 'CONSENT_EXPIRED', reminders: [BD(-10)] },
};

export const FI_POLICY_VERSIONS: readonly PolicyVersion[] = [
  {
    id: 'FI-2025.1',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    firingHour: 8,
    limits: LIMITS,
    rules: {
      'INIT-INTERVIEW': { deadline: { after: BD(5) }, onDeadline: 'MISSED', reminders: [BD(-2)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'TEAM_LEAD' } },
      ...SHARED_RULES,
    },
  },
  {
    id: 'FI-2026.1',
    validFrom: '2026-01-01',
    firingHour: 8,
    limits: LIMITS,
    rules: {
      'INIT-INTERVIEW': { deadline: { after: BD(10) }, onDeadline: 'MISSED', reminders: [BD(-3), BD(-1)], escalation: { from: 'DEADLINE', offset: BD(1), to: 'TEAM_LEAD' } },
      ...SHARED_RULES,
    },
  },
];
