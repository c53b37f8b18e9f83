import type { ScheduledItem } from '../schedule/scheduled-item';
import type { PathEvent } from './path.events';
import type { ActivePath, ExitedPath, PathCore, PathState, PausedPath, StartedPath } from './path.state';

/** Folds one recorded event into the state. Never throws on a recorded event. */
export function evolve(state: PathState, event: PathEvent): PathState {
  if (event.type === 'PathStarted') return started(event);
  if (state.status === 'NONE') return state;
  const next = evolveStarted(state, event);
  return { ...next, version: state.version + 1 } as PathState;
}

function started(event: Extract<PathEvent, { type: 'PathStarted' }>): ActivePath {
  const { data } = event;
  return {
    status: 'ACTIVE',
    pathId: data.pathId,
    clientReference: data.clientReference,
    employmentArea: data.employmentArea,
    municipality: data.municipality,
    coachId: data.coachId,
    registeredOn: data.registeredOn,
    policy: data.policy,
    version: 1,
    stage: 'INTAKE',
    sideServices: {},
    referrals: [],
    consents: Object.fromEntries(data.consents.map((consent) => [consent.audience, consent])),
    jobSearchDiscussions: 0,
    schedule: {},
    fired: [],
  };
}

function evolveStarted(state: StartedPath, event: PathEvent): StartedPath {
  switch (event.type) {
    case 'DeadlinesScheduled':
      return { ...state, schedule: { ...state.schedule, ...byId(event.data.items) } };
    case 'ScheduledItemsCancelled':
      return { ...state, schedule: without(state.schedule, event.data.itemIds) };
    case 'ReminderIssued':
    case 'DeadlineMissed':
    case 'EscalationRaised':
      return fired(state, event.data.item);
    case 'ConsentExpired':
      return { ...fired(state, event.data.item), consents: withoutKey(state.consents, event.data.audience) };
    default:
      return evolveLifecycle(state, event) ?? evolveServices(state, event) ?? state;
  }
}

function evolveLifecycle(state: StartedPath, event: PathEvent): StartedPath | undefined {
  const core = coreOf(state);
  switch (event.type) {
    case 'InitialInterviewHeld':
      return { ...state, interviewHeldOn: event.data.heldOn, employmentPlan: event.data.employmentPlan ?? state.employmentPlan };
    case 'EmploymentPlanRecorded':
      return { ...state, employmentPlan: event.data.employmentPlan };
    case 'AssessmentStarted':
      return { ...state, stage: 'ASSESSMENT', assessment: { startedOn: event.data.startedOn } };
    case 'AssessmentRecorded':
      return { ...state, assessment: { startedOn: state.assessment?.startedOn ?? event.data.recordedOn, recordedOn: event.data.recordedOn } };
    case 'JobSearchDiscussionHeld':
      return { ...state, jobSearchDiscussions: event.data.sequence };
    case 'PathPaused':
      return { ...core, status: 'PAUSED', pausedAt: event.data.pausedAt, pauseReason: event.data.reason };
    case 'PathResumed':
      return { ...core, status: 'ACTIVE', schedule: { ...state.schedule, ...byId(event.data.rescheduled) } };
    case 'CoachReassigned':
      return { ...state, coachId: event.data.toCoachId };
    case 'PathExited':
      return { ...core, status: 'EXITED', outcome: event.data.outcome, exitedOn: event.data.exitedOn, followUps: {} };
    case 'FollowUpRecorded':
      return state.status === 'EXITED' ? { ...state, followUps: { ...state.followUps, [event.data.months]: event.data.inWorkOrStudy } } : state;
    case 'PathReopened': {
      // A reopened path starts its service planning again: a new assessment comes next.
      const { assessment: _assessment, ...reopened } = core;
      return { ...reopened, status: 'ACTIVE', stage: 'INTAKE' };
    }
    case 'ConsentRecorded':
      return { ...state, consents: { ...state.consents, [event.data.consent.audience]: event.data.consent } };
    case 'ConsentWithdrawn':
      return { ...state, consents: withoutKey(state.consents, event.data.audience) };
    case 'PolicyMigrated':
      return { ...state, policy: event.data.policy };
    case 'ClientReferredToWellbeingService':
      return {
        ...state,
        referrals: [...state.referrals, event.data.referralId],
        ...(event.data.legalBasis === 'MULTISECTORAL_SUPPORT' ? { multisectoralSupport: true as const } : {}),
      };
    default:
      return undefined;
  }
}

function evolveServices(state: StartedPath, event: PathEvent): StartedPath | undefined {
  switch (event.type) {
    case 'WorkTrialStarted': {
      const { trialId, organiser, startOn, plannedEndOn } = event.data;
      return { ...state, stage: 'WORK_TRIAL', workTrial: { trialId, organiserBusinessId: organiser.businessId, startOn, plannedEndOn } };
    }
    case 'WorkTrialExtended':
      return state.workTrial ? { ...state, workTrial: { ...state.workTrial, plannedEndOn: event.data.plannedEndOn } } : state;
    case 'WorkTrialEnded':
      return state.workTrial ? { ...state, workTrial: { ...state.workTrial, endedOn: event.data.endedOn } } : state;
    case 'WageSubsidyStarted': {
      const { subsidyId, rate, startOn, endOn } = event.data;
      return { ...state, stage: 'WAGE_SUBSIDY', wageSubsidy: { subsidyId, rate, startOn, endOn } };
    }
    case 'WageSubsidyEnded':
      return state.wageSubsidy ? { ...state, wageSubsidy: { ...state.wageSubsidy, endedOn: event.data.endedOn } } : state;
    case 'SideServiceStarted': {
      const { serviceId, kind, startOn, plannedEndOn, daysPerWeek } = event.data;
      const service = { serviceId, kind, startOn, plannedEndOn, ...(daysPerWeek === undefined ? {} : { daysPerWeek }) };
      return { ...state, sideServices: { ...state.sideServices, [serviceId]: service } };
    }
    case 'SideServiceEnded': {
      const service = state.sideServices[event.data.serviceId];
      if (!service) return state;
      return { ...state, sideServices: { ...state.sideServices, [service.serviceId]: { ...service, endedOn: event.data.endedOn } } };
    }
    default:
      return undefined;
  }
}

/**
 * What a path keeps across a change of status. Spreading the state itself would carry the old
 * status's fields along (a resumed path still `pausedAt`, a reopened one still `outcome`).
 */
function coreOf(state: StartedPath): PathCore {
  type StatusFields = Partial<Pick<PausedPath, 'pausedAt' | 'pauseReason'> & Pick<ExitedPath, 'outcome' | 'exitedOn' | 'followUps'>>;
  const { pausedAt: _pausedAt, pauseReason: _pauseReason, outcome: _outcome, exitedOn: _exitedOn, followUps: _followUps, ...core } = state as StartedPath & StatusFields;
  return core;
}

function fired(state: StartedPath, item: ScheduledItem): StartedPath {
  return { ...state, schedule: without(state.schedule, [item.id]), fired: [...state.fired, item.id] };
}

function byId(items: readonly ScheduledItem[]): Record<string, ScheduledItem> {
  return Object.fromEntries(items.map((item) => [item.id, item]));
}

function without<T>(record: Readonly<Record<string, T>>, ids: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => !ids.includes(id)));
}

function withoutKey<K extends string, T>(record: Readonly<Partial<Record<K, T>>>, key: K): Partial<Record<K, T>> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
