import * as f from './testing/path-fixtures';
import { CONSENT_WELLBEING, given, rejection, stateOf } from './testing/path-fixtures';

const onConsent = (referredOn: string) => f.referToWellbeingService(referredOn, { legalBasis: 'CONSENT', service: 'MULTISECTORAL_SCREENING' });
const missing = (audience: string) => ({ code: 'CONSENT.MISSING', facts: { audience } });

describe('sharing with the wellbeing county needs a legal basis', () => {
  const withoutConsent = [f.startPath('2026-01-07'), f.holdInitialInterview('2026-01-12'), f.startAssessment('2026-01-13')];
  const shortConsent = { ...CONSENT_WELLBEING, expiresOn: '2026-01-31' };
  const withShortConsent = [f.startPath('2026-01-07', { consents: [shortConsent] }), f.holdInitialInterview('2026-01-12'), f.startAssessment('2026-01-13')];

  it('rejects a referral on CONSENT basis when no consent was given', () => {
    expect(rejection(given(...withoutConsent).state, onConsent('2026-01-20'))).toEqual(missing('WELLBEING_COUNTY'));
  });

  it('accepts the same referral under multisectoral support, which needs no consent', () => {
    expect(rejection(given(...withoutConsent).state, f.referToWellbeingService('2026-01-20'))).toEqual({ accepted: ['ClientReferredToWellbeingService'] });
  });

  it('accepts a referral on the day before its consent expires and rejects it on the expiry day (sharing stops that day)', () => {
    const { state } = given(...withShortConsent);
    expect(rejection(state, onConsent('2026-01-30'))).toEqual({ accepted: ['ClientReferredToWellbeingService'] });
    expect(rejection(state, onConsent('2026-01-31'))).toEqual(missing('WELLBEING_COUNTY'));
  });

  it('rejects a referral once the consent has expired and its expiry fired', () => {
    const expiry = 'CONSENT-EXPIRY:WELLBEING_COUNTY@2026-01-31:DEADLINE';
    const { state, events } = given(...withShortConsent, f.fire(expiry, '2026-01-31T22:00:00.000Z'));
    expect(events.at(-1)).toMatchObject({ type: 'ConsentExpired', data: { audience: 'WELLBEING_COUNTY', item: { id: expiry } } });
    expect(state).toMatchObject({ consents: {} });
    expect(rejection(state, onConsent('2026-01-31'))).toEqual(missing('WELLBEING_COUNTY'));
  });

  it('rejects a referral dated before the consent was given', () => {
    const { state } = given(...withoutConsent, f.recordConsent('2026-01-20', { ...CONSENT_WELLBEING, givenOn: '2026-01-20' }));
    expect(rejection(state, onConsent('2026-01-19'))).toEqual(missing('WELLBEING_COUNTY'));
  });

  it('rejects a referral once the consent was withdrawn, and withdrawing twice', () => {
    const { state } = given(...f.STATES.ASSESSMENT_STARTED, f.withdrawConsent('2026-01-14', 'WELLBEING_COUNTY'));
    expect(rejection(state, onConsent('2026-01-15'))).toEqual(missing('WELLBEING_COUNTY'));
    expect(rejection(state, f.withdrawConsent('2026-01-15', 'WELLBEING_COUNTY'))).toEqual(missing('WELLBEING_COUNTY'));
  });

  it('rejects the same referral twice', () => {
    const { state } = given(...f.STATES.ASSESSMENT_STARTED, onConsent('2026-01-20'));
    expect(rejection(state, onConsent('2026-01-21'))).toEqual({ code: 'PATH.ALREADY_IN_THAT_STATE', facts: { referralId: 'ref-1' } });
  });
});

describe('policy versions', () => {
  it('rejects an unknown version', () => {
    expect(rejection(stateOf('INTAKE'), f.migratePolicy('2026-01-08', 'FI-2099.9'))).toEqual({ code: 'POLICY.UNKNOWN_VERSION', facts: { toVersion: 'FI-2099.9' } });
  });

  it('rejects a move back to an older version', () => {
    expect(rejection(stateOf('INTAKE'), f.migratePolicy('2026-01-08', 'FI-2025.1'))).toEqual({ code: 'POLICY.NOT_NEWER', facts: { fromVersion: 'FI-2026.1', toVersion: 'FI-2025.1' } });
  });

  it('moves a 2025 path to FI-2026.1 without touching its pending items, also while paused', () => {
    const { state } = given(f.startPath('2025-12-15'), f.pausePath('2025-12-16'));
    const migrate = f.migratePolicy('2026-01-02', 'FI-2026.1');
    expect(f.accepted(state, migrate)).toEqual([
      { type: 'PolicyMigrated', data: { fromVersion: 'FI-2025.1', toVersion: 'FI-2026.1', policy: f.policy('FI-2026.1') }, metadata: migrate.metadata },
    ]);
  });
});

describe('scheduled items fire exactly once', () => {
  const reminder = 'JOB-SEARCH-DISCUSSION:jsd-1:REMINDER-1';

  it('rejects firing an item a second time', () => {
    const { state } = given(...f.STATES.INTERVIEWED, f.fire(reminder, '2026-03-26T06:00:00.000Z'));
    expect(rejection(state, f.fire(reminder, '2026-03-26T06:00:01.000Z'))).toEqual({ code: 'SCHEDULE.NOT_PENDING', facts: { itemId: reminder } });
  });

  it('rejects firing a cancelled item and an id that was never planned', () => {
    const state = stateOf('INTERVIEWED');
    expect(rejection(state, f.fire('INIT-INTERVIEW:path:DEADLINE', '2026-01-21T22:00:00.000Z'))).toEqual({ code: 'SCHEDULE.NOT_PENDING', facts: { itemId: 'INIT-INTERVIEW:path:DEADLINE' } });
    expect(rejection(state, f.fire('NO-SUCH:thing:DEADLINE', '2026-01-21T22:00:00.000Z'))).toEqual({ code: 'SCHEDULE.NOT_PENDING', facts: { itemId: 'NO-SUCH:thing:DEADLINE' } });
  });

  it.each([
    ['INIT-INTERVIEW:path:REMINDER-1', 'ReminderIssued'],
    ['INIT-INTERVIEW:path:DEADLINE', 'DeadlineMissed'],
    ['INIT-INTERVIEW:path:ESCALATION', 'EscalationRaised'],
    ['CONSENT-EXPIRY:WELLBEING_COUNTY@2027-06-30:REMINDER-1', 'ReminderIssued'],
    ['CONSENT-EXPIRY:WELLBEING_COUNTY@2027-06-30:DEADLINE', 'ConsentExpired'],
  ])('firing %s records %s with the item', (itemId, type) => {
    const state = stateOf('INTAKE');
    const pending = state.status === 'ACTIVE' ? state.schedule[itemId] : undefined;
    const fired = f.fire(itemId, pending?.dueAt ?? 'missing');
    const audience = type === 'ConsentExpired' ? { audience: 'WELLBEING_COUNTY' } : {};
    expect(f.accepted(state, fired)).toEqual([{ type, data: { ...audience, item: pending }, metadata: fired.metadata }]);
  });
});

describe('follow-ups', () => {
  // STATES.EXITED left on Mon 12.10.2026: follow-ups due on Tue 12.1.2027 and Mon 12.4.2027.
  it.each([
    [3, '2027-01-11', '2027-01-12'],
    [6, '2027-04-09', '2027-04-12'],
  ])('rejects the %i-month follow-up on %s, before it is due on %s', (months, recordedOn, dueOn) => {
    expect(rejection(stateOf('EXITED'), f.recordFollowUp(recordedOn, months))).toEqual({ code: 'FOLLOW_UP.NOT_DUE', facts: { months, dueOn } });
    expect(rejection(stateOf('EXITED'), f.recordFollowUp(dueOn, months))).toEqual({ accepted: ['FollowUpRecorded', 'ScheduledItemsCancelled'] });
  });

  it('records each follow-up once', () => {
    const { state } = given(...f.STATES.EXITED, f.recordFollowUp('2027-01-12', 3));
    expect(state).toMatchObject({ status: 'EXITED', followUps: { 3: true } });
    expect(rejection(state, f.recordFollowUp('2027-01-13', 3))).toEqual({ code: 'PATH.ALREADY_IN_THAT_STATE', facts: { months: 3 } });
  });
});
