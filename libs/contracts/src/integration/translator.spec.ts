import type { PathEventType } from '@polku/domain';
import { AUDIENCE_TABLE } from './audience-table';
import { CloudEventSchema, type Audience } from './cloud-event';
import { envelopeSchemaV1, type IntegrationEventName } from './events.v1';
import { CLIENT_REFERENCE, everyEventType, PATH_ID, scheduledItem, StreamBuilder } from './testing/stored-events';
import type { TranslationContext } from './translation-context';
import { IntegrationContractError, translate, type IntegrationMessage, type StoredDomainEvent } from './translator';

const WITH_BASIS: TranslationContext = {
  pathId: PATH_ID,
  clientReference: CLIENT_REFERENCE,
  employmentArea: 'EA-HAMEENLINNA',
  municipality: 'Hattula',
  sideServiceKinds: { 'rehab-1': 'REHABILITATIVE_WORK_ACTIVITY', 'coach-1': 'GROUP_COACHING' },
  mayShareWithWellbeing: true,
};

const stream = everyEventType();
const first = (type: PathEventType, nth = 0): StoredDomainEvent => {
  const found = stream.filter((event) => event.type === type)[nth];
  if (!found) throw new Error(`no ${type} in the sample stream`);
  return found;
};
const [, consentGiven, consentWithdrawn, consentExpired] = new StreamBuilder()
  .add('PathStarted', (first('PathStarted') as Extract<StoredDomainEvent, { type: 'PathStarted' }>).data, '2026-01-07')
  .add('ConsentRecorded', { consent: { audience: 'WELLBEING_COUNTY', scope: 'x', givenOn: '2026-01-08', expiresOn: '2026-06-30' } }, '2026-01-08')
  .add('ConsentWithdrawn', { audience: 'WELLBEING_COUNTY' }, '2026-02-02')
  .add('ConsentExpired', { audience: 'WELLBEING_COUNTY', item: scheduledItem('CONSENT-EXPIRY:WELLBEING_COUNTY:DEADLINE', '2026-06-30') }, '2026-06-30')
  .build();

type Expected = Partial<Record<Audience, string[]>>;
const ALL_AUDIENCES_REOPENED = ['pathId', 'reopenedOn'];

// The audience table as a specification, for a client whose path may be shared with the county.
const CASES: [string, StoredDomainEvent, IntegrationEventName | null, Expected][] = [
  ['PathStarted', first('PathStarted'), 'PathStarted', {
    events: ['pathId', 'clientReference', 'employmentArea', 'municipality', 'registeredOn', 'referralSource', 'policyVersion', 'coachId', 'ageGroup', 'unemployedSince', 'consents'],
    municipal: ['pathId', 'clientReference', 'employmentArea', 'municipality', 'registeredOn', 'referralSource'],
    wellbeing: ['pathId', 'clientReference', 'employmentArea', 'municipality', 'registeredOn'],
  }],
  ['InitialInterviewHeld', first('InitialInterviewHeld'), 'InitialInterviewHeld', {
    events: ['pathId', 'heldOn', 'employmentPlanDrafted', 'applicationsPerMonth'], municipal: ['pathId', 'heldOn', 'employmentPlanDrafted'],
  }],
  ['EmploymentPlanRecorded', first('EmploymentPlanRecorded'), 'EmploymentPlanRecorded', { events: ['pathId', 'recordedOn', 'applicationsPerMonth'], municipal: ['pathId', 'recordedOn'] }],
  ['AssessmentStarted', first('AssessmentStarted'), 'AssessmentStarted', { events: ['pathId', 'startedOn'], municipal: ['pathId', 'startedOn'] }],
  ['AssessmentRecorded', first('AssessmentRecorded'), 'AssessmentRecorded', { events: ['pathId', 'recordedOn', 'recommendedNextService'], municipal: ['pathId', 'recordedOn'] }],
  ['ClientReferredToWellbeingService', first('ClientReferredToWellbeingService'), 'ClientReferredToWellbeingService', {
    events: ['pathId', 'referralId', 'service', 'legalBasis', 'referredOn'],
    wellbeing: ['pathId', 'clientReference', 'employmentArea', 'municipality', 'referralId', 'service', 'legalBasis', 'referredOn', 'workCapacityLimitation'],
  }],
  ['WorkTrialStarted', first('WorkTrialStarted'), 'WorkTrialStarted', {
    events: ['pathId', 'trialId', 'organiserBusinessId', 'organiserKind', 'startOn', 'plannedEndOn', 'daysPerWeek', 'hoursPerDay', 'agreementReference'],
    municipal: ['pathId', 'trialId', 'organiserBusinessId', 'organiserKind', 'startOn', 'plannedEndOn', 'daysPerWeek', 'hoursPerDay', 'agreementReference'],
  }],
  ['WorkTrialExtended', first('WorkTrialExtended'), 'WorkTrialExtended', { events: ['pathId', 'trialId', 'plannedEndOn'], municipal: ['pathId', 'trialId', 'plannedEndOn'] }],
  ['WorkTrialEnded', first('WorkTrialEnded'), 'WorkTrialEnded', {
    events: ['pathId', 'trialId', 'endedOn', 'result', 'organiserFeedbackReceived'], municipal: ['pathId', 'trialId', 'endedOn', 'result'],
  }],
  ['WageSubsidyStarted', first('WageSubsidyStarted'), 'WageSubsidyStarted', {
    events: ['pathId', 'subsidyId', 'employerBusinessId', 'employerKind', 'startOn', 'endOn', 'rate', 'workingTimePercent'],
    municipal: ['pathId', 'subsidyId', 'employerBusinessId', 'employerKind', 'startOn'],
  }],
  ['WageSubsidyEnded', first('WageSubsidyEnded'), 'WageSubsidyEnded', { events: ['pathId', 'subsidyId', 'endedOn'], municipal: ['pathId', 'subsidyId', 'endedOn'] }],
  ['SideServiceStarted (rehabilitative)', first('SideServiceStarted'), 'SideServiceStarted', {
    events: ['pathId', 'serviceId', 'kind', 'startOn', 'plannedEndOn', 'daysPerWeek', 'hoursPerDay', 'reviewOn'],
    wellbeing: ['pathId', 'serviceId', 'kind', 'startOn', 'plannedEndOn', 'daysPerWeek', 'hoursPerDay', 'reviewOn'],
  }],
  ['SideServiceStarted (coaching)', first('SideServiceStarted', 1), 'SideServiceStarted', {
    events: ['pathId', 'serviceId', 'kind', 'startOn', 'plannedEndOn'], municipal: ['pathId', 'serviceId', 'kind', 'startOn', 'plannedEndOn'],
  }],
  ['SideServiceEnded (coaching)', first('SideServiceEnded'), 'SideServiceEnded', { events: ['pathId', 'serviceId', 'kind', 'endedOn'], municipal: ['pathId', 'serviceId', 'kind', 'endedOn'] }],
  ['SideServiceEnded (rehabilitative)', first('SideServiceEnded', 1), 'SideServiceEnded', { events: ['pathId', 'serviceId', 'kind', 'endedOn'], wellbeing: ['pathId', 'serviceId', 'kind', 'endedOn'] }],
  ['ReportRecorded', first('ReportRecorded'), 'ReportRecorded', { events: ['pathId', 'about', 'kind', 'recordedOn'], municipal: ['pathId', 'about', 'kind', 'recordedOn'] }],
  ['JobSearchDiscussionHeld', first('JobSearchDiscussionHeld'), 'JobSearchDiscussionHeld', { events: ['pathId', 'heldOn', 'sequence'], municipal: ['pathId', 'heldOn', 'sequence'] }],
  ['RehabilitativeWorkDaysRecorded', first('RehabilitativeWorkDaysRecorded'), 'RehabilitativeWorkDaysRecorded', {
    events: ['pathId', 'serviceId', 'month', 'realisedDays'], wellbeing: ['pathId', 'serviceId', 'month', 'realisedDays'],
  }],
  ['PathPaused', first('PathPaused'), 'PathPaused', { events: ['pathId', 'pausedAt', 'reason'], municipal: ['pathId', 'pausedAt'] }],
  ['PathResumed', first('PathResumed'), 'PathResumed', { events: ['pathId', 'resumedAt', 'pausedMs'], municipal: ['pathId', 'resumedAt'] }],
  ['CoachReassigned', first('CoachReassigned'), 'CoachReassigned', { events: ['pathId', 'fromCoachId', 'toCoachId'] }],
  ['PathExited', first('PathExited'), 'PathExited', {
    events: ['pathId', 'exitedOn', 'goalAttained', 'outcomeCategory', 'outcome'],
    municipal: ['pathId', 'exitedOn', 'goalAttained', 'outcomeCategory'],
    wellbeing: ['pathId', 'exitedOn', 'goalAttained', 'outcomeCategory', 'outcome'],
  }],
  ['FollowUpRecorded', first('FollowUpRecorded'), 'FollowUpRecorded', { events: ['pathId', 'months', 'inWorkOrStudy', 'recordedOn'], municipal: ['pathId', 'months', 'inWorkOrStudy', 'recordedOn'] }],
  ['PathReopened', first('PathReopened'), 'PathReopened', { events: ALL_AUDIENCES_REOPENED, municipal: ALL_AUDIENCES_REOPENED, wellbeing: ALL_AUDIENCES_REOPENED }],
  ['ConsentRecorded (Kela)', first('ConsentRecorded'), 'ConsentRecorded', { events: ['pathId', 'audience', 'givenOn', 'expiresOn'] }],
  ['ConsentRecorded (wellbeing county)', consentGiven as StoredDomainEvent, 'ConsentRecorded', {
    events: ['pathId', 'audience', 'givenOn', 'expiresOn'], wellbeing: ['pathId', 'clientReference', 'employmentArea', 'municipality', 'audience', 'givenOn', 'expiresOn'],
  }],
  ['ConsentWithdrawn (Kela)', first('ConsentWithdrawn'), 'ConsentWithdrawn', { events: ['pathId', 'audience', 'withdrawnAt'] }],
  ['ConsentWithdrawn (wellbeing county)', consentWithdrawn as StoredDomainEvent, 'ConsentWithdrawn', { events: ['pathId', 'audience', 'withdrawnAt'], wellbeing: ['pathId', 'audience', 'withdrawnAt'] }],
  ['ConsentExpired (wellbeing county)', consentExpired as StoredDomainEvent, 'ConsentExpired', { events: ['pathId', 'audience', 'expiredOn'], wellbeing: ['pathId', 'audience', 'expiredOn'] }],
  ['PolicyMigrated', first('PolicyMigrated'), 'PolicyMigrated', { events: ['pathId', 'fromVersion', 'toVersion'] }],
  ['DeadlineMissed', first('DeadlineMissed'), 'DeadlineMissed', { events: ['pathId', 'itemId', 'rule', 'dueOn', 'notify'] }],
  ['EscalationRaised', first('EscalationRaised'), 'EscalationRaised', { events: ['pathId', 'itemId', 'rule', 'dueOn', 'notify'] }],
  ['DeadlinesScheduled', first('DeadlinesScheduled'), null, {}],
  ['ScheduledItemsCancelled', first('ScheduledItemsCancelled'), null, {}],
  ['ReminderIssued', first('ReminderIssued'), null, {}],
];

const byAudience = (messages: IntegrationMessage[]) => Object.fromEntries(messages.map((message) => [message.value.audience, Object.keys(message.value.data)]));

describe('translate: the audience table', () => {
  it('covers every domain event type', () => {
    expect(new Set(CASES.map(([, event]) => event.type))).toEqual(new Set(Object.keys(AUDIENCE_TABLE)));
  });

  it.each(CASES)('%s goes to exactly these audiences with exactly these fields', (_label, event, name, expected) => {
    const messages = translate(event, WITH_BASIS);
    expect(byAudience(messages)).toEqual(expected);
    for (const message of messages) expect(message.value.type).toBe(`fi.polku.servicepath.${name}.v1`);
  });

  it('gives the municipal topic the exit category, with rehabilitation merged away', () => {
    const [internal, municipal, wellbeing] = translate(first('PathExited'), WITH_BASIS);
    expect(internal?.value.data).toEqual({ pathId: PATH_ID, exitedOn: '2027-01-08', goalAttained: true, outcomeCategory: 'LONG_TERM_SOLUTION', outcome: 'REHABILITATION' });
    expect(municipal?.value.data).toEqual({ pathId: PATH_ID, exitedOn: '2027-01-08', goalAttained: true, outcomeCategory: 'LONG_TERM_SOLUTION' });
    expect(wellbeing?.value.data).toMatchObject({ outcome: 'REHABILITATION' });
  });

  it('maps values, not just keys: the interview says a plan was drafted, not its goals', () => {
    const [internal] = translate(first('InitialInterviewHeld'), WITH_BASIS);
    expect(internal?.value.data).toEqual({ pathId: PATH_ID, heldOn: '2026-01-12', employmentPlanDrafted: true, applicationsPerMonth: 3 });
  });

  it.each([
    ['InitialInterviewHeld', { ...first('InitialInterviewHeld'), data: { heldOn: '2026-01-12', serviceNeed: 'x', language: 'sv' } }],
    ['EmploymentPlanRecorded', { ...first('EmploymentPlanRecorded'), data: { recordedOn: '2026-01-13', employmentPlan: { applicationsPerMonth: 2, goals: [] }, language: 'sv' } }],
    ['PathExited', { ...first('PathExited'), data: { outcome: 'EDUCATION', exitedOn: '2027-01-08', goalAttained: true, language: 'sv' } }],
  ] as [string, StoredDomainEvent][])('%s: the language a document was written in reaches the internal topic only', (_label, event) => {
    const messages = translate(event, WITH_BASIS);
    expect(messages.map((message) => [message.value.audience, message.value.data['language']])).toEqual(messages.map((message) => [message.value.audience, message.value.audience === 'events' ? 'sv' : undefined]));
    expect(messages.map((message) => message.value.audience)).toContain('events');
  });
});

describe('translate: the CloudEvent', () => {
  const event = first('WorkTrialStarted');
  const messages = translate(event, WITH_BASIS);

  it('is keyed by the path id on the audience topic, with the domain event id and stream version', () => {
    expect(messages.map(({ topic, key }) => [topic, key])).toEqual([
      ['polku.servicepath.events.v1', PATH_ID],
      ['polku.servicepath.municipal.v1', PATH_ID],
    ]);
    expect(messages[1]?.value).toMatchObject({
      specversion: '1.0',
      id: event.eventId,
      source: 'urn:polku:servicepath',
      type: 'fi.polku.servicepath.WorkTrialStarted.v1',
      subject: PATH_ID,
      time: event.metadata.occurredAt,
      datacontenttype: 'application/json',
      dataschema: 'https://schemas.polku.fi/servicepath/WorkTrialStarted/v1.json',
      correlationid: 'corr-WorkTrialStarted',
      causationid: event.eventId,
      audience: 'municipal',
      sequence: String(event.streamVersion).padStart(10, '0'),
    });
  });

  it('carries type, schema version, event id, correlation and causation ids in the headers', () => {
    expect(messages[1]?.headers).toEqual({
      'content-type': 'application/cloudevents+json; charset=utf-8',
      'event-type': 'fi.polku.servicepath.WorkTrialStarted.v1',
      'schema-version': '1',
      'event-id': event.eventId,
      'correlation-id': 'corr-WorkTrialStarted',
      'causation-id': event.eventId,
    });
  });

  it('takes a recorded causation id when the store has one', () => {
    const [message] = translate({ ...event, causationId: 'cmd-9' }, WITH_BASIS);
    expect([message?.value.causationid, message?.headers['causation-id']]).toEqual(['cmd-9', 'cmd-9']);
  });

  it('parses with the generic envelope and with its own event schema, for every message of the sample path', () => {
    for (const [, sample] of CASES) {
      for (const message of translate(sample, WITH_BASIS)) {
        expect(CloudEventSchema.safeParse(message.value).success).toBe(true);
        const name = message.value.type.split('.')[3] as IntegrationEventName;
        expect(envelopeSchemaV1(name).safeParse(message.value).success).toBe(true);
      }
    }
  });

  it('refuses to publish what breaks its schema, without echoing the offending value', () => {
    const context = { ...WITH_BASIS, pathId: 'client-131052-308T' };
    expect(() => translate(event, context)).toThrow(IntegrationContractError);
    expect(() => translate(event, context)).toThrow(/^(?!.*131052).*subject: invalid_format/);
  });
});
