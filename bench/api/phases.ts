import { addDays, helsinkiDateOf } from '@polku/domain';
import { IdentityCodes } from '../../infra/src/synthetic-identity-codes';
import { codeOf, measure, type Measurement } from './measure';
import { COACH_ID, type Options } from './options';

/** `GET /hello`, public and trivial: the server's raw rate on these connections. */
export function hello(options: Options, token: string, label: string, seconds: number): Promise<Measurement> {
  return measure(options, token, { label, what: 'GET /hello', seconds, request: { method: 'GET', path: '/hello' } });
}

/** `POST /paths`, each for a client no other request has; also the ids of the paths started. */
export async function startPaths(options: Options, token: string): Promise<{ measurement: Measurement; pathIds: string[] }> {
  const codes = new IdentityCodes();
  const pathIds: string[] = [];
  const measurement = await measure(options, token, {
    label: 'path starts',
    what: 'POST /paths',
    amount: options.starts,
    seconds: options.phaseSeconds,
    request: {
      method: 'POST',
      path: '/paths',
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({ identityCode: codes.take(), municipality: options.municipality, coachId: COACH_ID, referralSource: 'SELF_REGISTRATION' }),
      }),
    },
    onBody: (status, body) => {
      if (status !== 201) return;
      const pathId = (JSON.parse(body) as { pathId?: unknown }).pathId;
      if (typeof pathId === 'string') pathIds.push(pathId);
    },
  });
  return { measurement, pathIds };
}

/** `POST /paths/{id}/record-consent`, round-robin over the paths: repeatable on any started path. */
export function recordConsents(options: Options, token: string, pathIds: readonly string[]): Promise<Measurement> {
  const today = helsinkiDateOf(new Date().toISOString());
  let index = 0;
  return measure(options, token, {
    label: 'commands',
    what: 'POST /paths/{id}/record-consent',
    amount: options.commands,
    seconds: options.phaseSeconds,
    request: {
      method: 'POST',
      setupRequest: (request) => {
        const i = index++;
        // A new consent each time: the expiry moves a day per round over the paths.
        const consent = { audience: 'KELA', scope: 'Tietojen luovutus Kelalle työllistymisen tukemiseksi', givenOn: today, expiresOn: addDays(today, 180 + Math.floor(i / pathIds.length)) };
        return { ...request, path: `/paths/${pathIds[i % pathIds.length] ?? ''}/record-consent`, body: JSON.stringify({ consent }) };
      },
    },
  });
}

/** Exits the paths the run started (not measured), so they leave caseloads and deadline lists. */
export async function exitPaths(options: Options, token: string, pathIds: readonly string[], seconds: number): Promise<string> {
  if (pathIds.length === 0) return 'no paths to exit';
  const today = helsinkiDateOf(new Date().toISOString());
  let index = 0;
  const codes: string[] = [];
  const result = await measure(options, token, {
    label: 'cleanup',
    what: 'exit',
    amount: pathIds.length,
    seconds,
    request: {
      method: 'POST',
      setupRequest: (request) => ({ ...request, path: `/paths/${pathIds[index++ % pathIds.length] ?? ''}/exit`, body: JSON.stringify({ outcome: 'OTHER', exitedOn: today }) }),
    },
    onBody: (status, body) => {
      if (status >= 300 && codes.length < 3) codes.push(`${status} ${codeOf(body)}`);
    },
  });
  const left = pathIds.length - result.ok;
  return `cleanup: exited ${result.ok} of ${pathIds.length} started paths through the API${left > 0 ? ` (${left} left ACTIVE${result.capped ? ', time cap reached' : ''}${codes.length ? `; ${codes.join(', ')}` : ''})` : ''}`;
}
