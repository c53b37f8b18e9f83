import { addCalendarMonthsDeadline, addDays, compareLocalDate } from '../../calendar';
import { policyById } from '../../policy/policy';
import type { PolicyVersion } from '../../policy/policy.types';
import type { ScheduledItem } from '../../schedule/scheduled-item';
import { domainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { StartedPath } from '../path.state';
import { GOAL_ATTAINED } from '../path.types';
import { about, cancelled, type Decision, event, firstError, gated, present, scheduled, validDate } from './support';

const DAY_MS = 24 * 60 * 60 * 1000;

export function pausePath(command: C.PausePath): Decision {
  return [event('PathPaused', { reason: command.data.reason, pausedAt: command.metadata.occurredAt }, command.metadata)];
}

/**
 * Deadlines were frozen while paused; every pending item moves later by the paused time. A
 * consent's expiry is not a path deadline but the client's own date: a pause never extends it.
 */
export function resumePath(command: C.ResumePath, state: StartedPath): Decision {
  const paused = gated(state.status === 'PAUSED' ? state : undefined, 'a paused path');
  const pausedMs = Math.max(0, Date.parse(command.metadata.occurredAt) - Date.parse(paused.pausedAt));
  const rescheduled = Object.values(state.schedule)
    .filter((item) => item.rule !== 'CONSENT-EXPIRY')
    .map((item) => shifted(item, pausedMs));
  return [event('PathResumed', { resumedAt: command.metadata.occurredAt, pausedMs, rescheduled }, command.metadata)];
}

function shifted(item: ScheduledItem, ms: number): ScheduledItem {
  return { ...item, dueAt: new Date(Date.parse(item.dueAt) + ms).toISOString(), dueOn: addDays(item.dueOn, Math.round(ms / DAY_MS)) };
}

export function reassignCoach(command: C.ReassignCoach, state: StartedPath): Decision {
  const invalid = present('coachId', command.data.coachId);
  if (invalid) return invalid;
  if (command.data.coachId === state.coachId) return domainError('PATH.ALREADY_IN_THAT_STATE', 'That coach is already assigned.', {});
  return [event('CoachReassigned', { fromCoachId: state.coachId, toCoachId: command.data.coachId }, command.metadata)];
}

export function exitPath(command: C.ExitPath, state: StartedPath): Decision {
  const { data, metadata } = command;
  const invalid = firstError(
    validDate('exitedOn', data.exitedOn),
    GOAL_ATTAINED[data.outcome] === undefined ? domainError('VALIDATION.OUT_OF_RANGE', 'Unknown exit outcome.', { field: 'outcome' }) : undefined,
  );
  if (invalid) return invalid;
  return [
    event('PathExited', { ...data, goalAttained: GOAL_ATTAINED[data.outcome] }, metadata),
    ...cancelled(state, metadata, 'path exited', (item) => item.rule !== 'CONSENT-EXPIRY'),
    ...scheduled(
      state,
      metadata,
      state.policy.limits.followUpMonths.map((months) => ({ rule: 'FOLLOW-UP' as const, subject: `follow-up-${months}`, dueOn: followUpDate(data.exitedOn, months) })),
    ),
  ];
}

/** A follow-up is due the given months after the exit, on a business day. */
function followUpDate(exitedOn: string, months: number): string {
  return addCalendarMonthsDeadline(exitedOn, months);
}

export function recordFollowUp(command: C.RecordFollowUp, state: StartedPath): Decision {
  const exited = gated(state.status === 'EXITED' ? state : undefined, 'an exited path');
  const { data, metadata } = command;
  if (!exited.policy.limits.followUpMonths.includes(data.months)) {
    return domainError('VALIDATION.OUT_OF_RANGE', `Follow-ups are made at ${exited.policy.limits.followUpMonths.join(' and ')} months.`, { field: 'months' });
  }
  if (exited.followUps[data.months] !== undefined) return domainError('PATH.ALREADY_IN_THAT_STATE', 'This follow-up has already been recorded.', { months: data.months });
  const due = followUpDate(exited.exitedOn, data.months);
  const invalid = validDate('recordedOn', data.recordedOn);
  if (invalid) return invalid;
  if (compareLocalDate(data.recordedOn, due) < 0) return domainError('FOLLOW_UP.NOT_DUE', `The ${data.months}-month follow-up is due on ${due}.`, { months: data.months, dueOn: due });
  return [event('FollowUpRecorded', data, metadata), ...cancelled(state, metadata, 'follow-up recorded', about('FOLLOW-UP', `follow-up-${data.months}`))];
}

export function reopenPath(command: C.ReopenPath, state: StartedPath): Decision {
  const { data, metadata } = command;
  const invalid = firstError(validDate('reopenedOn', data.reopenedOn), present('reason', data.reason));
  if (invalid) return invalid;
  const sequence = state.jobSearchDiscussions + 1;
  return [
    event('PathReopened', data, metadata),
    ...cancelled(state, metadata, 'path reopened', about('FOLLOW-UP')),
    ...scheduled(state, metadata, [{ rule: 'JOB-SEARCH-DISCUSSION', subject: `jsd-${sequence}-reopened`, on: data.reopenedOn }]),
  ];
}

/** Moves the path to a newer policy version. Pending items keep their dates; later plans use the new rules. */
export function migratePolicy(command: C.MigratePolicy, state: StartedPath, catalogue: readonly PolicyVersion[]): Decision {
  const target = policyById(command.data.toVersion, catalogue);
  if (!target) return domainError('POLICY.UNKNOWN_VERSION', 'No such policy version.', { toVersion: command.data.toVersion });
  if (compareLocalDate(target.validFrom, state.policy.validFrom) <= 0) {
    return domainError('POLICY.NOT_NEWER', 'A path can only move to a newer policy version.', { fromVersion: state.policy.id, toVersion: target.id });
  }
  return [event('PolicyMigrated', { fromVersion: state.policy.id, toVersion: target.id, policy: target }, command.metadata)];
}
