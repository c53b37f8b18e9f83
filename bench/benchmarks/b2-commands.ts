import { applyPathCommandUpdate, pathWorkflowId } from '@polku/contracts';
import { addDays, helsinkiDateOf, type PathCommand } from '@polku/domain';
import type { Client } from '@temporalio/client';
import type { HttpClient } from '../support/http-client';
import { BENCH_COACH } from '../support/paths';

/** The staff command measured: repeatable on any active path, and a new consent each time. */
export const COMMAND_ROUTE = 'record-consent';

/** The command's data: the expiry moves a day each time, so every consent is a new one. */
export function consentOf(index: number): { consent: { audience: 'KELA'; scope: string; givenOn: string; expiresOn: string } } {
  const today = helsinkiDateOf(new Date().toISOString());
  return { consent: { audience: 'KELA', scope: 'Tietojen luovutus Kelalle työllistymisen tukemiseksi', givenOn: today, expiresOn: addDays(today, 180 + index) } };
}

/**
 * The raw baseline: the same command as the API sends it, straight to the path's workflow as its
 * Update, with a command id and the same Update id (what an Idempotency-Key becomes in the API).
 */
export async function sendByClient(client: Client, pathId: string, index: number, commandId: string): Promise<void> {
  const command = {
    type: 'RecordConsent',
    data: consentOf(index),
    metadata: { occurredAt: new Date().toISOString(), actor: BENCH_COACH, correlationId: commandId, commandId },
  } as PathCommand;
  const state = await client.workflow.getHandle(pathWorkflowId(pathId)).executeUpdate(applyPathCommandUpdate, { args: [command], updateId: commandId });
  if (state.status !== 'ACTIVE') throw new Error(`path ${pathId} answered ${state.status}`);
}

/** Ours: `POST /paths/{id}/record-consent` as a coach, with an Idempotency-Key of its own. */
export async function sendByApi(http: HttpClient, token: string, pathId: string, index: number, key: string): Promise<{ replayed: boolean }> {
  const answer = await http.post(`/paths/${pathId}/${COMMAND_ROUTE}`, consentOf(index), { authorization: `Bearer ${token}`, 'idempotency-key': key });
  if (answer.status !== 200) throw new Error(`${answer.status} ${answer.body}`);
  return { replayed: answer.headers['idempotent-replay'] === 'true' };
}
