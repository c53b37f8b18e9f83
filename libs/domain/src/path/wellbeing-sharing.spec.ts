import { decide } from './path.decider';
import * as f from './testing/path-fixtures';
import { consentInForce, mayShareWithWellbeing, wellbeingSharingWindow } from './wellbeing-sharing';

const CONSENT = { audience: 'WELLBEING_COUNTY', scope: 'work-ability assessment', givenOn: '2026-01-07', expiresOn: '2026-06-30' } as const;
const BOUNDARY_DAYS = ['2026-01-06', '2026-01-07', '2026-06-29', '2026-06-30'];

describe('sharing a path with the wellbeing county: one rule', () => {
  const withConsent = f.given(f.startPath('2026-01-07', { consents: [CONSENT] })).state;

  it('counts a consent in force from the day it was given up to the day before it expires', () => {
    expect(BOUNDARY_DAYS.map((day) => consentInForce(CONSENT, day))).toEqual([false, true, true, false]);
    expect(BOUNDARY_DAYS.map((day) => mayShareWithWellbeing(withConsent, day))).toEqual([false, true, true, false]);
    expect(wellbeingSharingWindow(withConsent)).toEqual({ from: '2026-01-07', until: '2026-06-30' });
  });

  it('refuses a referral on the consent basis on the expiry day, as the translator would not publish it', () => {
    const refer = (referredOn: string) => decide(f.referToWellbeingService(referredOn, { legalBasis: 'CONSENT' }), f.given(f.startPath('2026-01-07', { consents: [CONSENT] }), f.holdInitialInterview('2026-01-08'), f.startAssessment('2026-01-09')).state);
    expect(Array.isArray(refer('2026-06-29'))).toBe(true);
    expect(refer('2026-06-30')).toMatchObject({ code: 'CONSENT.MISSING' });
  });

  it('opens sharing for good with multisectoral support, and never without a basis', () => {
    const started = f.given(f.startPath('2026-01-07'), f.holdInitialInterview('2026-01-08'), f.startAssessment('2026-01-09'));
    expect(mayShareWithWellbeing(started.state, '2026-01-09')).toBe(false);
    expect(wellbeingSharingWindow(started.state)).toBeUndefined();
    const referred = f.given(f.startPath('2026-01-07'), f.holdInitialInterview('2026-01-08'), f.startAssessment('2026-01-09'), f.referToWellbeingService('2026-01-10', { legalBasis: 'MULTISECTORAL_SUPPORT' }));
    expect(mayShareWithWellbeing(referred.state, '2030-01-01')).toBe(true);
    expect(wellbeingSharingWindow(referred.state)).toEqual({ from: '2026-01-07' });
  });

  it('stops sharing when the consent is withdrawn', () => {
    const withdrawn = f.given(f.startPath('2026-01-07', { consents: [CONSENT] }), f.withdrawConsent('2026-02-01', 'WELLBEING_COUNTY')).state;
    expect(mayShareWithWellbeing(withdrawn, '2026-02-02')).toBe(false);
  });
});
