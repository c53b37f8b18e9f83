import { NO_ANSWER } from '../api/exchange';
import type { UiKey } from '../i18n/ui.fi';

/**
 * What to tell the user after a submission failed in a way a retry may fix. The retry is safe:
 * it carries the action's Idempotency-Key (api/action-keys.ts), so the API applies it at most
 * once even if the first attempt went through. Other errors need the user to change something.
 */
export function retryHintOf(code: string): UiKey | null {
  if (code === 'IDEMPOTENCY.IN_PROGRESS') return 'retryInProgress';
  // No answer, or our own or a proxy's failure: the change may or may not have been applied.
  const unsure = code === NO_ANSWER.timeout || code === NO_ANSWER.unreachable || code === 'INTERNAL' || /^HTTP\.5\d\d$/.test(code);
  return unsure ? 'retryUnsure' : null;
}
