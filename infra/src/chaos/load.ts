import { addDays, helsinkiDateOf } from '@polku/domain';
import { IdentityCodes } from '../synthetic-identity-codes';
import { hold, mapLimit } from './bounded';
import type { SentCommand } from './sent-command';
import { CHAOS_COACH, type StaffApi } from './staff-api';

/** A consent recorded by the load stays in force well past any run. */
const CONSENT_DAYS = 180;
const MUNICIPALITY = 'Tampere';

export interface CommandLoadPlan {
  readonly paths: number;
  readonly commands: number;
  readonly concurrency: number;
  /** Commands are paced over this window so that the fault lands among them. */
  readonly spreadMs: number;
}

export interface CommandLoad {
  readonly commands: readonly SentCommand[];
  /** Paths whose start was answered. */
  readonly pathIds: readonly string[];
}

/**
 * A consent the client gives the wellbeing county (so the wellbeing topic and its consumer get
 * traffic too); `scope` names the command, which is how the ledger finds its effect.
 */
export function recordConsentBody(scope: string): { consent: { audience: 'WELLBEING_COUNTY'; scope: string; givenOn: string; expiresOn: string } } {
  const today = helsinkiDateOf(new Date().toISOString());
  return { consent: { audience: 'WELLBEING_COUNTY', scope, givenOn: today, expiresOn: addDays(today, CONSENT_DAYS) } };
}

/** Paths started through the API, then keyed `record-consent` commands round-robin over them. */
export async function runCommandLoad(api: StaffApi, plan: CommandLoadPlan, tag: string, signal: AbortSignal): Promise<CommandLoad> {
  const codes = new IdentityCodes();
  const starts = await mapLimit(range(plan.paths), plan.concurrency, (i) => startPath(api, `${tag}-start-${i}`, codes.take(), signal));
  const pathIds = starts.flatMap((start) => (start.effect ? [start.effect.streamId] : []));
  if (pathIds.length === 0) return { commands: starts, pathIds };
  const begun = Date.now();
  const commands = await mapLimit(range(plan.commands), plan.concurrency, async (i) => {
    await hold(begun + (i * plan.spreadMs) / plan.commands - Date.now(), signal);
    return recordConsent(api, pathIds[i % pathIds.length] as string, `${tag}-consent-${i}`, signal);
  });
  return { commands: [...starts, ...commands], pathIds };
}

async function startPath(api: StaffApi, key: string, identityCode: string, signal: AbortSignal): Promise<SentCommand> {
  const outcome = await api.sendKeyed('/paths', { identityCode, municipality: MUNICIPALITY, coachId: CHAOS_COACH }, key, signal);
  const pathId = (outcome.body as { pathId?: unknown } | undefined)?.pathId;
  const acked = outcome.acked && typeof pathId === 'string';
  return {
    label: 'POST /paths',
    key,
    acked,
    attempts: outcome.attempts,
    ...(acked ? { effect: { type: 'PathStarted', streamId: pathId } } : {}),
    ...(outcome.failure ? { failure: outcome.failure } : {}),
  };
}

/** One keyed `record-consent`; the ledger finds its effect by the scope naming the key. */
export async function recordConsent(api: StaffApi, pathId: string, key: string, signal: AbortSignal): Promise<SentCommand> {
  const scope = `chaos ${key}`;
  const outcome = await api.sendKeyed(`/paths/${pathId}/record-consent`, recordConsentBody(scope), key, signal);
  return {
    label: 'POST /paths/{id}/record-consent',
    key,
    acked: outcome.acked,
    attempts: outcome.attempts,
    effect: { type: 'ConsentRecorded', streamId: pathId, scope },
    ...(outcome.failure ? { failure: outcome.failure } : {}),
  };
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
