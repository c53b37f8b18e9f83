import { consentInForce } from '../wellbeing-sharing';
import { domainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { StartedPath } from '../path.state';
import { about, cancelled, type Decision, event, firstError, gated, notBefore, present, scheduled, validDate } from './support';

export function startAssessment(command: C.StartAssessment, state: StartedPath): Decision {
  const interviewHeldOn = gated(state.interviewHeldOn, 'the initial interview');
  const { data, metadata } = command;
  const invalid = firstError(validDate('startedOn', data.startedOn), notBefore('startedOn', data.startedOn, interviewHeldOn, 'the initial interview'));
  if (invalid) return invalid;
  return [event('AssessmentStarted', data, metadata), ...scheduled(state, metadata, [{ rule: 'ASSESSMENT-DONE', subject: 'path', on: data.startedOn }])];
}

export function recordAssessment(command: C.RecordAssessment, state: StartedPath): Decision {
  const assessment = gated(state.assessment, 'an assessment under way');
  const { data, metadata } = command;
  const invalid = firstError(validDate('recordedOn', data.recordedOn), notBefore('recordedOn', data.recordedOn, assessment.startedOn, 'the assessment start'));
  if (invalid) return invalid;
  return [event('AssessmentRecorded', data, metadata), ...cancelled(state, metadata, 'assessment recorded', about('ASSESSMENT-DONE'))];
}

/**
 * Sharing with the wellbeing county needs a legal basis: multisectoral support, or the
 * client's written consent in force on the referral date.
 */
export function referToWellbeingService(command: C.ReferToWellbeingService, state: StartedPath): Decision {
  const { data, metadata } = command;
  const invalid = firstError(validDate('referredOn', data.referredOn), present('referralId', data.referralId));
  if (invalid) return invalid;
  if (state.referrals.includes(data.referralId)) return domainError('PATH.ALREADY_IN_THAT_STATE', 'This referral has already been made.', { referralId: data.referralId });
  if (data.legalBasis === 'CONSENT' && !consentInForce(state.consents.WELLBEING_COUNTY, data.referredOn)) {
    return domainError('CONSENT.MISSING', 'No consent to share with the wellbeing county is in force.', { audience: 'WELLBEING_COUNTY' });
  }
  return [event('ClientReferredToWellbeingService', data, metadata)];
}
