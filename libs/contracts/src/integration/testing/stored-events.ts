import { type Consent, eventIdFor, FI_POLICY_VERSIONS, helsinkiInstant, type LocalDate, type PathEvent, type PathEventType, type PolicyVersion, type ScheduledItem } from '@polku/domain';
import type { StoredDomainEvent } from '../translator';

/** Test data for the translator: recorded domain events of one path, built by hand. */

export const PATH_ID = 'path-7f3c';
export const CLIENT_REFERENCE = 'cref_0123456789abcdef';
/** Free text staff might type: a name and an identity code that must never leave Polku. */
export const LEAKY_TEXT = 'Matti Meikäläinen 131052-308T';
export const IDENTITY_CODE = /\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]/;

type DataOf<T extends PathEventType> = Extract<PathEvent, { type: T }>['data'];

/** A stream under construction: each event gets the next version and a deterministic id. */
export class StreamBuilder {
  private readonly events: StoredDomainEvent[] = [];

  add<T extends PathEventType>(type: T, data: DataOf<T>, on: LocalDate, correlationId = `corr-${type}`): this {
    const streamVersion = this.events.length + 1;
    const occurredAt = helsinkiInstant(on, 10);
    this.events.push({
      type, data, metadata: { occurredAt, actor: { userId: 'coach-17', role: 'coach' }, correlationId },
      eventId: eventIdFor(PATH_ID, streamVersion), streamId: PATH_ID, streamVersion, recordedAt: occurredAt,
    } as StoredDomainEvent);
    return this;
  }

  build(): readonly StoredDomainEvent[] {
    return [...this.events];
  }
}

export const CONSENT_WELLBEING: Consent = { audience: 'WELLBEING_COUNTY', scope: `rehabilitation plan for ${LEAKY_TEXT}`, givenOn: '2026-01-07', expiresOn: '2026-06-30' };

function newestPolicy(): PolicyVersion {
  const policy = FI_POLICY_VERSIONS[FI_POLICY_VERSIONS.length - 1];
  if (!policy) throw new Error('no policy versions');
  return policy;
}

export function scheduledItem(id: string, dueOn: LocalDate): ScheduledItem {
  const [rule, subject, kind] = id.split(':') as [ScheduledItem['rule'], string, ScheduledItem['kind']];
  return { id, rule, kind, subject, dueOn, dueAt: helsinkiInstant(dueOn, 9), notify: 'COACH' };
}

export function started(consents: readonly Consent[] = []): DataOf<'PathStarted'> {
  return {
    pathId: PATH_ID, clientReference: CLIENT_REFERENCE, employmentArea: 'EA-HAMEENLINNA', municipality: 'Hattula', referralSource: 'SELF_REGISTRATION',
    registeredOn: '2026-01-07', coachId: 'coach-17', consents, unemployedSince: '2025-01-02', ageGroup: 'FROM_25', policy: newestPolicy(),
  };
}

/**
 * One event of every type, health-laden where the domain allows it: a sick-leave pause,
 * rehabilitative work activity, a work-ability referral with a limitation, a 70 % subsidy, an
 * exit to rehabilitation — and free text full of a name and an identity code.
 */
export function everyEventType(builder = new StreamBuilder().add('PathStarted', started(), '2026-01-07')): readonly StoredDomainEvent[] {
  return builder
    .add('DeadlinesScheduled', { items: [scheduledItem('INIT-INTERVIEW:path:DEADLINE', '2026-01-21')] }, '2026-01-07')
    .add('InitialInterviewHeld', { heldOn: '2026-01-12', serviceNeed: LEAKY_TEXT, employmentPlan: { applicationsPerMonth: 3, goals: [LEAKY_TEXT] } }, '2026-01-12')
    .add('EmploymentPlanRecorded', { recordedOn: '2026-01-13', employmentPlan: { applicationsPerMonth: 2, goals: [LEAKY_TEXT] } }, '2026-01-13')
    .add('AssessmentStarted', { startedOn: '2026-01-13' }, '2026-01-13')
    .add('ClientReferredToWellbeingService', { referralId: 'ref-1', service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'CONSENT', referredOn: '2026-01-14', workCapacityLimitation: true }, '2026-01-14')
    .add('AssessmentRecorded', { recordedOn: '2026-02-03', strengths: [LEAKY_TEXT], ownGoals: [LEAKY_TEXT], recommendedNextService: 'REHABILITATION' }, '2026-02-03')
    .add('SideServiceStarted', { serviceId: 'rehab-1', kind: 'REHABILITATIVE_WORK_ACTIVITY', provider: LEAKY_TEXT, startOn: '2026-02-04', plannedEndOn: '2026-05-04', daysPerWeek: 2, hoursPerDay: 4, reviewOn: '2026-04-01' }, '2026-02-04')
    .add('SideServiceStarted', { serviceId: 'coach-1', kind: 'GROUP_COACHING', provider: LEAKY_TEXT, startOn: '2026-02-05', plannedEndOn: '2026-03-05' }, '2026-02-05')
    .add('ReportRecorded', { about: { type: 'COACHING', serviceId: 'coach-1' }, kind: 'START', recordedOn: '2026-02-10', summary: LEAKY_TEXT }, '2026-02-10')
    .add('SideServiceEnded', { serviceId: 'coach-1', endedOn: '2026-03-05' }, '2026-03-05')
    .add('PathPaused', { reason: 'SICK_LEAVE', pausedAt: helsinkiInstant('2026-03-09', 10) }, '2026-03-09')
    .add('PathResumed', { resumedAt: helsinkiInstant('2026-03-16', 10), pausedMs: 7 * 86_400_000, rescheduled: [] }, '2026-03-16')
    .add('RehabilitativeWorkDaysRecorded', { serviceId: 'rehab-1', month: '2026-03', realisedDays: 8 }, '2026-04-01')
    .add('SideServiceEnded', { serviceId: 'rehab-1', endedOn: '2026-05-04' }, '2026-05-04')
    .add('WorkTrialStarted', {
      trialId: 'wt-1', organiser: { name: LEAKY_TEXT, businessId: '0737546-2', kind: 'COMPANY', isCurrentEmployer: false }, tasks: LEAKY_TEXT, goal: LEAKY_TEXT,
      startOn: '2026-05-11', plannedEndOn: '2026-07-10', daysPerWeek: 4, hoursPerDay: 6, agreementReference: 'TK-2026-001', guide: LEAKY_TEXT,
    }, '2026-05-11')
    .add('WorkTrialExtended', { trialId: 'wt-1', plannedEndOn: '2026-08-07' }, '2026-07-01')
    .add('WorkTrialEnded', { trialId: 'wt-1', endedOn: '2026-08-07', result: 'COMPLETED', organiserFeedback: LEAKY_TEXT }, '2026-08-07')
    .add('JobSearchDiscussionHeld', { heldOn: '2026-04-10', sequence: 1 }, '2026-08-10')
    .add('ReminderIssued', { item: scheduledItem('WAGE-SUBSIDY-END:ws-1:REMINDER', '2026-08-10') }, '2026-08-10')
    .add('DeadlineMissed', { item: scheduledItem('JOB-SEARCH-DISCUSSION:path:DEADLINE', '2026-08-11') }, '2026-08-11')
    .add('EscalationRaised', { item: scheduledItem('JOB-SEARCH-DISCUSSION:path:ESCALATION', '2026-08-12') }, '2026-08-12')
    .add('ScheduledItemsCancelled', { itemIds: ['JOB-SEARCH-DISCUSSION:path:ESCALATION'], reason: LEAKY_TEXT }, '2026-08-12')
    .add('WageSubsidyStarted', { subsidyId: 'ws-1', employerBusinessId: '0737546-2', employerKind: 'COMPANY', rate: 70, workingTimePercent: 80, startOn: '2026-08-17', endOn: '2028-08-16' }, '2026-08-17')
    .add('WageSubsidyEnded', { subsidyId: 'ws-1', endedOn: '2026-12-31' }, '2026-12-31')
    .add('CoachReassigned', { fromCoachId: 'coach-17', toCoachId: 'coach-42' }, '2027-01-04')
    .add('PolicyMigrated', { fromVersion: 'FI-2026.1', toVersion: 'FI-2026.2', policy: newestPolicy() }, '2027-01-05')
    .add('PathExited', { outcome: 'REHABILITATION', exitedOn: '2027-01-08', goalAttained: true }, '2027-01-08')
    .add('FollowUpRecorded', { months: 3, inWorkOrStudy: false, recordedOn: '2027-04-08' }, '2027-04-08')
    .add('PathReopened', { reopenedOn: '2027-04-12', reason: LEAKY_TEXT }, '2027-04-12')
    .add('ConsentRecorded', { consent: { audience: 'KELA', scope: LEAKY_TEXT, givenOn: '2027-04-12', expiresOn: '2027-12-31' } }, '2027-04-12')
    .add('ConsentWithdrawn', { audience: 'KELA' }, '2027-04-13')
    .build();
}

/** Every key anywhere in a JSON value. */
export function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}
