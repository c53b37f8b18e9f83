import { checkbox, date, documentLanguage, list, newId, number, numberSelect, select, text, textarea } from '../forms/field-builders';
import { HOURS_A_DAY, SERVICE_DAYS_A_WEEK, WORKING_TIME_PERCENT } from '@polku/domain';
import type { FormDef } from '../forms/field-types';
import {
  CONSENT_AUDIENCES,
  EXIT_OUTCOMES,
  FOLLOW_UP_MONTHS,
  LEGAL_BASES,
  ORGANISER_KINDS,
  PAUSE_REASONS,
  RECOMMENDED_SERVICES,
  REPORT_KINDS,
  REPORT_SUBJECTS,
  SIDE_SERVICE_KINDS,
  WAGE_SUBSIDY_RATES,
  WELLBEING_SERVICES,
  WORK_TRIAL_RESULTS,
} from '../forms/options';
import { POLICY_LIMITS as LIMITS } from '../forms/policy-limits';
import type { CommandName } from './command-names';

// Bounds are the policy's (or, where no policy sets one, what holds for any service): hints for
// the browser, checked again by the decider against the path's own policy.
const plan = [number('employmentPlan.applicationsPerMonth', ...LIMITS.applicationsPerMonth, false, LIMITS.applicationsPerMonth[1]), list('employmentPlan.goals', false)];

/** One form per command: the body of `POST /paths/{id}/{command}` (docs/staff-api.md, path.commands.ts). */
export const COMMAND_FORMS: Readonly<Record<CommandName, FormDef>> = {
  'hold-initial-interview': { fields: [date('heldOn'), textarea('serviceNeed'), ...plan, documentLanguage()] },
  'record-employment-plan': { fields: [date('recordedOn'), ...plan.map((field) => ({ ...field, required: true })), documentLanguage()] },
  'start-assessment': { fields: [date('startedOn')] },
  'record-assessment': { fields: [date('recordedOn'), list('strengths'), list('ownGoals'), select('recommendedNextService', RECOMMENDED_SERVICES)] },
  'refer-to-wellbeing-service': {
    fields: [newId('referralId', 'ref'), select('service', WELLBEING_SERVICES), select('legalBasis', LEGAL_BASES), date('referredOn'), checkbox('workCapacityLimitation')],
  },
  'start-work-trial': {
    fields: [
      newId('trialId', 'wt'),
      text('organiser.name'),
      text('organiser.businessId'),
      select('organiser.kind', ORGANISER_KINDS),
      checkbox('organiser.isCurrentEmployer'),
      textarea('tasks'),
      textarea('goal'),
      date('startOn'),
      { ...date('plannedEndOn'), initial: { from: 'today+months', months: 3 } },
      number('daysPerWeek', ...LIMITS.workTrialDaysPerWeek, true, LIMITS.workTrialDaysPerWeek[1]),
      number('hoursPerDay', ...LIMITS.workTrialHoursPerDay, true, 6),
      text('agreementReference'),
      text('guide'),
    ],
  },
  'extend-work-trial': { fields: [date('plannedEndOn')] },
  'end-work-trial': { fields: [date('endedOn'), select('result', WORK_TRIAL_RESULTS), textarea('organiserFeedback', false)] },
  'start-wage-subsidy': {
    fields: [
      newId('subsidyId', 'ws'),
      text('employerBusinessId'),
      select('employerKind', ORGANISER_KINDS),
      numberSelect('rate', WAGE_SUBSIDY_RATES),
      number('workingTimePercent', ...WORKING_TIME_PERCENT, true, WORKING_TIME_PERCENT[1]),
      date('startOn'),
      { ...date('endOn'), initial: { from: 'today+months', months: 6 } },
    ],
  },
  'end-wage-subsidy': { fields: [date('endedOn')] },
  'start-side-service': {
    fields: [
      newId('serviceId', 'ss'),
      select('kind', SIDE_SERVICE_KINDS),
      text('provider'),
      date('startOn'),
      { ...date('plannedEndOn'), initial: { from: 'today+months', months: 1 } },
      number('daysPerWeek', ...SERVICE_DAYS_A_WEEK, false),
      number('hoursPerDay', 1, HOURS_A_DAY, false),
      date('reviewOn', false),
    ],
  },
  'end-side-service': { fields: [text('serviceId'), date('endedOn')] },
  // At most 31 in any month: the period's days a week bound it further in the decider.
  'record-rehabilitative-work-days': { fields: [text('serviceId'), { name: 'month', kind: 'month', required: true }, number('realisedDays', 0, 31)] },
  'record-report': {
    fields: [select('about.type', REPORT_SUBJECTS), text('about.id'), select('kind', REPORT_KINDS), date('recordedOn'), textarea('summary')],
    issueAliases: { 'about.serviceId': 'about.id', 'about.trialId': 'about.id' },
    shape: reportAbout,
  },
  'hold-job-search-discussion': { fields: [date('heldOn')] },
  pause: { fields: [select('reason', PAUSE_REASONS)] },
  resume: { fields: [] },
  'reassign-coach': { fields: [text('coachId')] },
  exit: { fields: [select('outcome', EXIT_OUTCOMES), date('exitedOn'), documentLanguage()] },
  'record-follow-up': { fields: [numberSelect('months', FOLLOW_UP_MONTHS), checkbox('inWorkOrStudy'), date('recordedOn')] },
  reopen: { fields: [date('reopenedOn'), textarea('reason')] },
  'record-consent': {
    fields: [select('consent.audience', CONSENT_AUDIENCES), text('consent.scope'), date('consent.givenOn'), { ...date('consent.expiresOn'), initial: { from: 'today+months', months: 12 } }],
  },
  'withdraw-consent': { fields: [select('audience', CONSENT_AUDIENCES)] },
  'migrate-policy': { fields: [text('toVersion')] },
};

/** `about` is `{ type: "COACHING", serviceId } | { type: "WORK_TRIAL", trialId }`: one id field, keyed by the type. */
export function reportAbout(body: Record<string, unknown>): Record<string, unknown> {
  const about = (body['about'] ?? {}) as { type?: unknown; id?: unknown };
  const idKey = about.type === 'WORK_TRIAL' ? 'trialId' : 'serviceId';
  const shaped: Record<string, unknown> = { ...(about.type === undefined ? {} : { type: about.type }), ...(about.id === undefined ? {} : { [idKey]: about.id }) };
  return { ...body, about: shaped };
}
