import fc from 'fast-check';
import { addDays, helsinkiDateOf, type LocalDate } from '../../calendar';
import type { PathCommand, PathCommandType } from '../path.commands';
import type { PathState } from '../path.state';
import { GATED_TYPES } from '../path.gates';
import { CONSENT_AUDIENCES as AUDIENCES, type ExitOutcome, ORGANISER_KINDS, SIDE_SERVICE_KINDS as SIDE_KINDS, WAGE_SUBSIDY_RATES } from '../path.types';

/**
 * Random command sequences, valid and invalid, for the decider's property tests. Reproduce a
 * failure with POLKU_FC_SEED=<seed>; search longer with POLKU_FC_RUNS=<runs>.
 */
export const SEED = Number(process.env['POLKU_FC_SEED'] ?? 20260107);
export const RUNS = Number(process.env['POLKU_FC_RUNS'] ?? 300);
export const IDENTITY_CODES = ['131052-308T', '150304A238T', '290200F4561'];

/** Generic knobs that each command type reads in its own way (dates, ids, numbers, mistakes). */
export interface Knobs {
  readonly day: number; // date offset from the command's Helsinki date
  readonly span: number; // length of a period in days
  readonly n: number; // days a week, hours a day, applications a month
  readonly pick: number; // which id / item
  readonly variant: number; // which enum value
  readonly bad: number; // 0: a date that does not exist, 1: an identity code or a fired item, 2–3: a wrong flag
}
type Kind = PathCommandType | 'NEXT';
export interface Step {
  readonly gapMinutes: number;
  readonly kind: Kind;
  readonly knobs: Knobs;
}

export const TYPES: readonly PathCommandType[] = ['StartPath', ...GATED_TYPES];
// A few outcomes, goal attained or not: enough for the properties, fewer shrink steps.
const OUTCOMES: readonly ExitOutcome[] = ['EMPLOYED_OPEN_MARKET', 'EDUCATION', 'MOVED_AWAY', 'NOT_REACHED', 'REHABILITATION'];
const of = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

export const knobs: fc.Arbitrary<Knobs> = fc.record({
  day: fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 4, max: 400 })),
  span: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 21, max: 800 })),
  n: fc.integer({ min: -1, max: 10 }),
  pick: fc.nat({ max: 1000 }),
  variant: fc.nat({ max: 11 }),
  bad: fc.nat({ max: 11 }),
});
export const step: fc.Arbitrary<Step> = fc.record({
  gapMinutes: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 600, max: 60 * 24 * 40 })),
  kind: fc.oneof({ weight: 4, arbitrary: fc.constant<Kind>('NEXT') }, { weight: 2, arbitrary: fc.constant<Kind>('FireScheduledItem') }, { weight: 5, arbitrary: fc.constantFrom<Kind>(...TYPES) }),
  knobs,
});
export const firstInstant = fc.integer({ min: Date.parse('2025-09-01T05:00:00Z'), max: Date.parse('2026-09-01T05:00:00Z') }).map((ms) => ms - (ms % 60_000));
export const steps = fc.array(step, { minLength: 1, maxLength: 40, size: 'max' });

/** Knobs that make the data of a command plausible: today, a short period, no deliberate mistake. */
export const saneKnobs = (k: Knobs): Knobs => ({ ...k, day: 0, span: k.span % 150, n: 4, bad: 11 });

/** The natural next command of the default template: keeps random runs reaching deep states. */
function nextKind(state: PathState, variant: number): PathCommandType {
  if (state.status === 'NONE') return 'StartPath';
  if (state.status === 'PAUSED') return 'ResumePath';
  if (state.status === 'EXITED') return of(['RecordFollowUp', 'RecordFollowUp', 'ReopenPath'], variant);
  if (variant === 11) return 'PausePath';
  if (variant === 10 && rehabServiceOf(state)) return 'RecordRehabilitativeWorkDays';
  if (state.stage === 'INTAKE') return state.interviewHeldOn ? 'StartAssessment' : 'HoldInitialInterview';
  if (state.stage === 'ASSESSMENT') return state.assessment?.recordedOn ? of(['StartWorkTrial', 'StartWageSubsidy', 'StartSideService', 'ExitPath'], variant) : 'RecordAssessment';
  if (state.stage === 'WORK_TRIAL') return state.workTrial?.endedOn ? of(['StartWageSubsidy', 'ExitPath'], variant) : of(['EndWorkTrial', 'ExtendWorkTrial', 'RecordReport'], variant);
  return state.wageSubsidy?.endedOn ? 'ExitPath' : 'EndWageSubsidy';
}

/** A rehabilitative work activity period of the path, if it has one. */
function rehabServiceOf(state: PathState): string | undefined {
  if (state.status === 'NONE') return undefined;
  return Object.values(state.sideServices).find((service) => service.kind === 'REHABILITATIVE_WORK_ACTIVITY')?.serviceId;
}

export function toCommand(next: Step, state: PathState, at: number): { command: PathCommand; now: number } {
  const sane = next.kind === 'NEXT';
  const type = sane ? nextKind(state, next.knobs.variant) : next.kind;
  const k: Knobs = sane ? saneKnobs(next.knobs) : next.knobs;
  let now = at;
  let data: unknown;
  if (type === 'FireScheduledItem') {
    const pending = state.status === 'NONE' ? [] : Object.values(state.schedule).sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
    const fired = state.status === 'NONE' ? [] : state.fired;
    const item = k.bad > 1 && pending.length > 0 ? of(pending, k.pick % 3) : undefined;
    if (item) now = Math.max(now, Date.parse(item.dueAt));
    const itemId = item?.id ?? (k.bad === 1 && fired.length > 0 ? of(fired, k.pick) : `BOGUS:x-${k.pick}:DEADLINE`);
    data = { itemId, rule: itemId.split(':')[0] };
  } else {
    data = dataFor(type, k, state, helsinkiDateOf(new Date(now).toISOString()));
  }
  const metadata = { occurredAt: new Date(now).toISOString(), actor: { userId: `user-${k.pick % 4}`, role: type === 'FireScheduledItem' ? 'system' : 'coach' } };
  return { command: { type, data, metadata } as PathCommand, now };
}

function dataFor(type: PathCommandType, k: Knobs, state: PathState, today: LocalDate): unknown {
  const date = (offset = k.day): LocalDate => (k.bad === 0 ? '2026-02-30' : addDays(today, offset));
  const start = date();
  const end = k.bad === 0 ? start : addDays(start, k.span);
  const started = state.status === 'NONE' ? undefined : state;
  switch (type) {
    case 'StartPath':
      return {
        pathId: 'path-p', clientReference: k.bad === 1 ? of(IDENTITY_CODES, k.pick) : `cref_${'0123456789abcdef'.slice(0, 16)}`, employmentArea: 'EA-LAHTI', municipality: 'Lahti',
        referralSource: 'SELF_REGISTRATION', registeredOn: start, coachId: 'coach-1', consents: k.variant % 3 === 0 ? [{ audience: 'WELLBEING_COUNTY', scope: 's', givenOn: start, expiresOn: end }] : [],
        ...(k.variant % 4 === 1 ? { unemployedSince: addDays(today, -k.span), ageGroup: k.n > 4 ? 'UNDER_25' : 'FROM_25' } : {}),
      };
    case 'HoldInitialInterview':
      return { heldOn: start, serviceNeed: k.bad === 2 ? '' : 'need', ...(k.variant % 2 === 0 ? { employmentPlan: { applicationsPerMonth: k.n, goals: [] } } : {}) };
    case 'RecordEmploymentPlan':
      return { recordedOn: start, employmentPlan: { applicationsPerMonth: k.n, goals: ['g'] } };
    case 'StartAssessment':
      return { startedOn: start };
    case 'RecordAssessment':
      return { recordedOn: start, strengths: [], ownGoals: [], recommendedNextService: 'WORK_TRIAL' };
    case 'ReferToWellbeingService':
      return { referralId: `ref-${k.pick % 3}`, service: 'WORK_ABILITY_ASSESSMENT', legalBasis: k.variant % 2 ? 'CONSENT' : 'MULTISECTORAL_SUPPORT', referredOn: start };
    case 'StartWorkTrial': {
      const organiser = { name: 'Org', businessId: k.bad === 3 ? '0737546-3' : '0737546-2', kind: of(ORGANISER_KINDS, k.variant % 7 === 6 ? 5 : k.variant % 5), isCurrentEmployer: k.bad === 2 };
      return { trialId: `wt-${k.pick % 3}`, organiser, tasks: 't', goal: 'g', startOn: start, plannedEndOn: end, daysPerWeek: k.n, hoursPerDay: k.n + 2, agreementReference: 'a', guide: 'g' };
    }
    case 'ExtendWorkTrial':
      return { plannedEndOn: k.bad === 0 ? start : addDays(started?.workTrial?.plannedEndOn ?? today, k.span % 200) };
    case 'EndWorkTrial':
      return { endedOn: start, result: 'COMPLETED', ...(k.variant % 2 ? { organiserFeedback: 'ok' } : {}) };
    case 'StartWageSubsidy':
      return { subsidyId: `ws-${k.pick % 3}`, employerBusinessId: k.bad === 3 ? '1234567-2' : '1234567-1', employerKind: of(ORGANISER_KINDS, k.variant), rate: of(WAGE_SUBSIDY_RATES, k.variant), workingTimePercent: 40 + (k.pick % 61), startOn: start, endOn: end };
    case 'EndWageSubsidy':
      return { endedOn: start };
    case 'StartSideService': {
      // The template's side service (variant 2) is now and then a rehabilitative period of 3–24 months: its days get recorded.
      const kind = of(SIDE_KINDS, k.variant === 2 && k.pick % 3 === 0 ? SIDE_KINDS.indexOf('REHABILITATIVE_WORK_ACTIVITY') : k.variant);
      const plannedEndOn = kind === 'REHABILITATIVE_WORK_ACTIVITY' && k.bad === 11 ? addDays(start, 100 + (k.span % 300)) : end;
      return { serviceId: `ss-${k.pick % 3}`, kind, provider: 'p', startOn: start, plannedEndOn, daysPerWeek: k.n, hoursPerDay: k.n + 2, ...(k.bad === 2 ? {} : { reviewOn: addDays(today, 30) }) };
    }
    case 'EndSideService':
      return { serviceId: `ss-${k.pick % 3}`, endedOn: start };
    case 'RecordRehabilitativeWorkDays':
      return { serviceId: rehabServiceOf(state) ?? `ss-${k.pick % 3}`, month: (k.variant % 2 ? start : today).slice(0, 7), realisedDays: k.bad === 11 ? 0 : k.n };
    case 'RecordReport':
      return { about: k.variant % 2 ? { type: 'COACHING', serviceId: `ss-${k.pick % 3}` } : { type: 'WORK_TRIAL', trialId: started?.workTrial?.trialId ?? 'wt-0' }, kind: of(['START', 'MID', 'FINAL'], k.variant), recordedOn: start, summary: 's' };
    case 'HoldJobSearchDiscussion':
      return { heldOn: start };
    case 'PausePath':
      return { reason: 'SICK_LEAVE' };
    case 'ResumePath':
      return {};
    case 'ReassignCoach':
      return { coachId: `coach-${k.pick % 3}` };
    case 'ExitPath':
      return { outcome: of(OUTCOMES, k.variant), exitedOn: start };
    case 'RecordFollowUp':
      return { months: of([3, 6, 3, 6, 4], k.variant), inWorkOrStudy: k.pick % 2 === 0, recordedOn: start };
    case 'ReopenPath':
      return { reopenedOn: start, reason: 'r' };
    case 'RecordConsent':
      return { consent: { audience: of(AUDIENCES, k.variant), scope: 's', givenOn: start, expiresOn: end } };
    case 'WithdrawConsent':
      return { audience: of(AUDIENCES, k.variant) };
    case 'MigratePolicy':
      return { toVersion: of(['FI-2026.1', 'FI-2025.1', 'FI-2099.9'], k.variant) };
    default:
      return {};
  }
}
