import { evolve, initialPathState, type PathState } from '@polku/domain';
import { CONSENT_WELLBEING, everyEventType, IDENTITY_CODE, keysOf, PATH_ID, scheduledItem, started, StreamBuilder } from './testing/stored-events';
import { translationContextOf } from './translation-context';
import { translateStream, type IntegrationMessage, type StoredDomainEvent } from './translator';

const on = (topic: string, messages: IntegrationMessage[]) => messages.filter((message) => message.topic === topic);
const typesOf = (messages: IntegrationMessage[]) => messages.map((message) => message.value.type.split('.')[3]);
const MUNICIPAL = 'polku.servicepath.municipal.v1';
const WELLBEING = 'polku.servicepath.wellbeing.v1';

/** A path with a wellbeing consent (or none), then the whole health-laden sample. */
const withConsent = (consents = [CONSENT_WELLBEING]) => everyEventType(new StreamBuilder().add('PathStarted', started(consents), '2026-01-07'));

describe('the municipal topic', () => {
  const municipal = on(MUNICIPAL, translateStream(withConsent()));

  it('gets the path lifecycle', () => {
    expect(typesOf(municipal)).toEqual([
      'PathStarted', 'InitialInterviewHeld', 'EmploymentPlanRecorded', 'AssessmentStarted', 'AssessmentRecorded', 'SideServiceStarted', 'ReportRecorded',
      'SideServiceEnded', 'PathPaused', 'PathResumed', 'WorkTrialStarted', 'WorkTrialExtended', 'WorkTrialEnded', 'JobSearchDiscussionHeld',
      'WageSubsidyStarted', 'WageSubsidyEnded', 'PathExited', 'FollowUpRecorded', 'PathReopened',
    ]);
  });

  it('never carries health or work-ability data: no capacity summary, sick leave, rehabilitation, referral or 70 % rate', () => {
    const text = JSON.stringify(municipal);
    for (const health of ['workCapacityLimitation', 'SICK_LEAVE', 'REHABILITATIVE_WORK_ACTIVITY', 'REHABILITATION', 'WORK_ABILITY_ASSESSMENT', 'PENSION', 'reason', 'rate']) {
      expect(text).not.toContain(health);
    }
    expect(typesOf(municipal)).not.toContain('ClientReferredToWellbeingService');
    expect(municipal.filter((message) => message.value.type.includes('SideService')).map((message) => message.value.data['serviceId'])).toEqual(['coach-1', 'coach-1']);
  });
});

describe('the wellbeing topic', () => {
  it('gets nothing about a client with neither a legal basis nor a consent', () => {
    expect(on(WELLBEING, translateStream(withConsent([])))).toEqual([]);
  });

  it('gets nothing for a referral on the consent basis when no consent is in force', () => {
    const events = new StreamBuilder()
      .add('PathStarted', started(), '2026-01-07')
      .add('ClientReferredToWellbeingService', { referralId: 'ref-1', service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'CONSENT', referredOn: '2026-01-14', workCapacityLimitation: true }, '2026-01-14')
      .build();
    expect(on(WELLBEING, translateStream(events))).toEqual([]);
  });

  it('gets what the county needs while the consent is in force (it expires before the exit): the path, referrals, rehabilitative work activity and its realised days', () => {
    expect(typesOf(on(WELLBEING, translateStream(withConsent())))).toEqual(['PathStarted', 'ClientReferredToWellbeingService', 'SideServiceStarted', 'RehabilitativeWorkDaysRecorded', 'SideServiceEnded']);
  });

  it('gets the realised days of rehabilitative work activity as service, month and days only; the municipal topic never does', () => {
    const messages = translateStream(withConsent()).filter((message) => message.value.type.includes('RehabilitativeWorkDaysRecorded'));
    const days = { pathId: PATH_ID, serviceId: 'rehab-1', month: '2026-03', realisedDays: 8 };
    expect(messages.map((message) => [message.topic, message.value.data])).toEqual([['polku.servicepath.events.v1', days], [WELLBEING, days]]);
    expect(messages.some((message) => message.topic === MUNICIPAL)).toBe(false);
  });

  it('gets the work-capacity summary, and only the wellbeing topic does', () => {
    const messages = translateStream(withConsent());
    const carrying = messages.filter((message) => 'workCapacityLimitation' in message.value.data);
    expect(carrying.map((message) => [message.topic, message.value.data['workCapacityLimitation']])).toEqual([[WELLBEING, true]]);
  });

  it.each([
    ['withdrawn', (builder: StreamBuilder) => builder.add('ConsentWithdrawn', { audience: 'WELLBEING_COUNTY' }, '2026-02-02'), 'ConsentWithdrawn'],
    [
      'expired',
      (builder: StreamBuilder) => builder.add('ConsentExpired', { audience: 'WELLBEING_COUNTY', item: scheduledItem('CONSENT-EXPIRY:WELLBEING_COUNTY:DEADLINE', '2026-02-02') }, '2026-02-02'),
      'ConsentExpired',
    ],
  ])('is told once the consent is %s, and then gets nothing more', (_label, end, endType) => {
    const builder = new StreamBuilder()
      .add('PathStarted', started([CONSENT_WELLBEING]), '2026-01-07')
      .add('SideServiceStarted', { serviceId: 'rehab-1', kind: 'REHABILITATIVE_WORK_ACTIVITY', provider: 'x', startOn: '2026-01-20', plannedEndOn: '2026-06-01' }, '2026-01-20');
    const events = end(builder)
      .add('SideServiceEnded', { serviceId: 'rehab-1', endedOn: '2026-03-01' }, '2026-03-01')
      .add('PathExited', { outcome: 'REHABILITATION', exitedOn: '2026-03-02', goalAttained: true }, '2026-03-02')
      .build();
    expect(typesOf(on(WELLBEING, translateStream(events)))).toEqual(['PathStarted', 'SideServiceStarted', endType]);
  });

  it('stops on the expiry date even before the expiry timer has fired', () => {
    const consent = { ...CONSENT_WELLBEING, expiresOn: '2026-03-01' };
    const events = new StreamBuilder()
      .add('PathStarted', started([consent]), '2026-01-07')
      .add('PathReopened', { reopenedOn: '2026-02-28', reason: 'x' }, '2026-02-28')
      .add('PathReopened', { reopenedOn: '2026-03-01', reason: 'x' }, '2026-03-01')
      .build();
    expect(on(WELLBEING, translateStream(events)).map((message) => message.value.data['reopenedOn'] ?? message.value.type)).toEqual([
      'fi.polku.servicepath.PathStarted.v1',
      '2026-02-28',
    ]);
  });

  it('gets a client referred on the multisectoral-support basis from that referral on, without any consent', () => {
    const events = new StreamBuilder()
      .add('PathStarted', started(), '2026-01-07')
      .add('AssessmentStarted', { startedOn: '2026-01-13' }, '2026-01-13')
      .add('ClientReferredToWellbeingService', { referralId: 'ref-1', service: 'MULTISECTORAL_SCREENING', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: '2026-01-14' }, '2026-01-14')
      .add('PathExited', { outcome: 'EDUCATION', exitedOn: '2026-05-04', goalAttained: true }, '2026-05-04')
      .build();
    expect(typesOf(on(WELLBEING, translateStream(events)))).toEqual(['ClientReferredToWellbeingService', 'PathExited']);
    expect(on(WELLBEING, translateStream(events))[0]?.value.data).toMatchObject({ clientReference: started().clientReference, employmentArea: 'EA-HAMEENLINNA', municipality: 'Hattula' });
  });

  it('hears of a consent given later with what it needs to place the client', () => {
    const events = new StreamBuilder()
      .add('PathStarted', started(), '2026-01-07')
      .add('ConsentRecorded', { consent: CONSENT_WELLBEING }, '2026-01-09')
      .add('PathExited', { outcome: 'EDUCATION', exitedOn: '2026-05-04', goalAttained: true }, '2026-05-04')
      .build();
    const wellbeing = on(WELLBEING, translateStream(events));
    expect(wellbeing.map((message) => message.value.data)).toEqual([
      { pathId: PATH_ID, clientReference: started().clientReference, employmentArea: 'EA-HAMEENLINNA', municipality: 'Hattula', audience: 'WELLBEING_COUNTY', givenOn: '2026-01-07', expiresOn: '2026-06-30' },
      { pathId: PATH_ID, exitedOn: '2026-05-04', goalAttained: true, outcomeCategory: 'EDUCATION', outcome: 'EDUCATION' },
    ]);
  });
});

describe('every topic', () => {
  const messages = translateStream(withConsent());

  it('carries no identity code and no name, in keys, headers or values, though the free text was full of them', () => {
    expect(messages.length).toBeGreaterThan(40);
    for (const message of messages) {
      const text = JSON.stringify([message.key, message.headers, message.value]);
      expect(text).not.toMatch(IDENTITY_CODE);
      expect(text).not.toContain('Meikäläinen');
      expect(keysOf(message.value).filter((key) => /name/i.test(key))).toEqual([]);
    }
  });
});

describe('translationContextOf', () => {
  const fold = (events: readonly StoredDomainEvent[]): PathState => events.reduce<PathState>(evolve, initialPathState);

  it('counts the consent in force from the day it is given up to the day before it expires', () => {
    const state = fold(new StreamBuilder().add('PathStarted', started([CONSENT_WELLBEING]), '2026-01-07').build());
    const inForce = (date: string) => translationContextOf(state, date).mayShareWithWellbeing;
    expect(['2026-01-06', '2026-01-07', '2026-06-29', '2026-06-30'].map(inForce)).toEqual([false, true, true, false]);
  });

  it('knows the multisectoral basis from the domain state (a referral on that basis), not from a consent referral', () => {
    const referral = (legalBasis: 'MULTISECTORAL_SUPPORT' | 'CONSENT') =>
      fold(new StreamBuilder().add('PathStarted', started(), '2026-01-07').add('ClientReferredToWellbeingService', { referralId: 'r', service: 'MULTISECTORAL_SCREENING', legalBasis, referredOn: '2026-01-08' }, '2026-01-08').build());
    expect(translationContextOf(referral('MULTISECTORAL_SUPPORT'), '2026-01-08').mayShareWithWellbeing).toBe(true);
    expect(translationContextOf(referral('CONSENT'), '2026-01-08').mayShareWithWellbeing).toBe(false);
  });

  it('refuses a stream without PathStarted', () => {
    expect(() => translationContextOf(initialPathState, '2026-01-07')).toThrow(/no PathStarted/);
  });
});

describe('the identity-code guard on opaque ids', () => {
  it('accepts UUIDs whose hex groups happen to contain the shape, and refuses a standalone code', async () => {
    const { OpaqueId } = await import('./cloud-event');
    expect(OpaqueId.safeParse('7d781839-7757-5935-9c00-2562b030aa23').success).toBe(true);
    expect(OpaqueId.safeParse('131052-308T').success).toBe(false);
    expect(OpaqueId.safeParse('ref 131052-308T here').success).toBe(false);
  });
});
