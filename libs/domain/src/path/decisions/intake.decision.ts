import { addMonths, compareLocalDate, type LocalDate } from '../../calendar';
import { policyInForce } from '../../policy/policy';
import type { PolicyVersion } from '../../policy/policy.types';
import { domainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { PathState, StartedPath } from '../path.state';
import { consentExpiryTrigger } from './consent.decision';
import { about, cancelled, type Decision, event, firstError, gated, inRange, notBefore, present, scheduled, type TriggerSpec, validDate } from './support';

const CLIENT_REFERENCE = /^cref_[a-z0-9]{16,40}$/;

export function startPath(command: C.StartPath, state: PathState, catalogue: readonly PolicyVersion[]): Decision {
  if (state.status !== 'NONE') return domainError('PATH.ALREADY_STARTED', 'This path has already been started.', { status: state.status });
  const { data, metadata } = command;
  const invalid = firstError(
    CLIENT_REFERENCE.test(data.clientReference)
      ? undefined
      : domainError('VALIDATION.CLIENT_REFERENCE', 'clientReference must be a pseudonymous client reference.', { field: 'clientReference' }),
    present('employmentArea', data.employmentArea),
    present('municipality', data.municipality),
    present('coachId', data.coachId),
    validDate('registeredOn', data.registeredOn),
    data.unemployedSince === undefined ? undefined : validDate('unemployedSince', data.unemployedSince),
    ...data.consents.flatMap((consent) => [
      validDate('consent.givenOn', consent.givenOn),
      validDate('consent.expiresOn', consent.expiresOn),
      notBefore('consent.expiresOn', consent.expiresOn, consent.givenOn, 'consent.givenOn'),
    ]),
  );
  if (invalid) return invalid;
  const policy = policyInForce(data.registeredOn, catalogue);
  const triggers: TriggerSpec[] = [
    { rule: 'INIT-INTERVIEW', subject: 'path', on: data.registeredOn },
    ...data.consents.map(consentExpiryTrigger),
    ...screeningTrigger(data, policy),
  ];
  return [event('PathStarted', { ...data, policy }, metadata), ...scheduled({ policy, fired: [] }, metadata, triggers)];
}

/** 12 months' continuous unemployment (6 under 25) prompts a multisectoral screening. */
function screeningTrigger(data: C.StartPath['data'], policy: PolicyVersion): TriggerSpec[] {
  if (!data.unemployedSince || !data.ageGroup) return [];
  const months = data.ageGroup === 'UNDER_25' ? policy.limits.multisectoralScreenMonths.under25 : policy.limits.multisectoralScreenMonths.from25;
  const reached = addMonths(data.unemployedSince, months);
  const on: LocalDate = compareLocalDate(reached, data.registeredOn) > 0 ? reached : data.registeredOn;
  return [{ rule: 'MULTISECTORAL-SCREEN', subject: 'path', on }];
}

export function holdInitialInterview(command: C.HoldInitialInterview, state: StartedPath): Decision {
  const { data, metadata } = command;
  const invalid = firstError(
    validDate('heldOn', data.heldOn),
    notBefore('heldOn', data.heldOn, state.registeredOn, 'registeredOn'),
    present('serviceNeed', data.serviceNeed),
    data.employmentPlan && inRange('employmentPlan.applicationsPerMonth', data.employmentPlan.applicationsPerMonth, state.policy.limits.applicationsPerMonth),
  );
  if (invalid) return invalid;
  const triggers: TriggerSpec[] = [{ rule: 'JOB-SEARCH-DISCUSSION', subject: 'jsd-1', on: data.heldOn }];
  if (!data.employmentPlan) triggers.push({ rule: 'EMPLOYMENT-PLAN', subject: 'path', on: data.heldOn });
  return [
    event('InitialInterviewHeld', data, metadata),
    ...cancelled(state, metadata, 'initial interview held', about('INIT-INTERVIEW')),
    ...scheduled(state, metadata, triggers),
  ];
}

export function recordEmploymentPlan(command: C.RecordEmploymentPlan, state: StartedPath): Decision {
  const invalid = firstError(
    validDate('recordedOn', command.data.recordedOn),
    inRange('employmentPlan.applicationsPerMonth', command.data.employmentPlan.applicationsPerMonth, state.policy.limits.applicationsPerMonth),
  );
  if (invalid) return invalid;
  return [event('EmploymentPlanRecorded', command.data, command.metadata), ...cancelled(state, command.metadata, 'employment plan recorded', about('EMPLOYMENT-PLAN'))];
}

export function holdJobSearchDiscussion(command: C.HoldJobSearchDiscussion, state: StartedPath): Decision {
  const interviewHeldOn = gated(state.interviewHeldOn, 'the initial interview');
  const invalid = firstError(validDate('heldOn', command.data.heldOn), notBefore('heldOn', command.data.heldOn, interviewHeldOn, 'the initial interview'));
  if (invalid) return invalid;
  const sequence = state.jobSearchDiscussions + 1;
  const { metadata } = command;
  return [
    event('JobSearchDiscussionHeld', { ...command.data, sequence }, metadata),
    ...cancelled(state, metadata, 'job-search discussion held', about('JOB-SEARCH-DISCUSSION')),
    ...scheduled(state, metadata, [{ rule: 'JOB-SEARCH-DISCUSSION', subject: `jsd-${sequence + 1}`, on: command.data.heldOn }]),
  ];
}
