import { loadConfig } from '@polku/config';
import { pathWorkflowId } from '@polku/contracts';
import { connectTemporalClient } from '@polku/temporal';
import type { Client } from '@temporalio/client';
import { Pool } from 'pg';
import { call, devToken, startPath } from '../support/staff-api';

const config = loadConfig();
const AREA = 'Polku e2e repeated commands';

/**
 * A command answered once is applied once, even when the API has let its key go (it does after
 * a 5xx) and the path's workflow has closed since: the path is started again from the store,
 * knows the command's id, and answers the repeat with the first outcome.
 */
describe('a keyed command repeated after its workflow closed', () => {
  let pool: Pool;
  let temporal: Client;

  beforeAll(async () => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
    temporal = await connectTemporalClient(config.temporal);
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await pool?.end();
  });

  it('answers with the first outcome and writes the command once', async () => {
    const token = await devToken({ userId: 'coach.repeat', role: 'coach', employmentArea: AREA });
    const { pathId } = await startPath(token, { coachId: 'coach.repeat' });
    const key = `repeat-${pathId}`;
    const send = () => call<{ path: { coachId: string; version: number } }>('POST', `/paths/${pathId}/reassign-coach`, { token, body: { coachId: 'coach.second' }, headers: { 'idempotency-key': key } });
    const first = await send();
    expect(first.status).toBe(200);
    await call('POST', `/paths/${pathId}/reassign-coach`, { token, body: { coachId: 'coach.third' } });

    // What a 5xx leaves behind: no kept answer for the key. And the workflow has closed.
    await pool.query('DELETE FROM idempotency_keys WHERE key = $1', [key]);
    await temporal.workflow.getHandle(pathWorkflowId(pathId)).terminate('the e2e test closes the path workflow');

    const repeated = await send();

    expect(repeated.status).toBe(200);
    expect(repeated.body.path).toEqual(first.body.path);
    const { rows } = await pool.query(
      `SELECT event_type, data->>'toCoachId' AS to FROM events WHERE stream_id = $1 AND event_type = 'CoachReassigned' ORDER BY stream_version`,
      [pathId],
    );
    expect(rows).toEqual([
      { event_type: 'CoachReassigned', to: 'coach.second' },
      { event_type: 'CoachReassigned', to: 'coach.third' },
    ]);
    const keyed = await pool.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND metadata ? 'commandId'`, [pathId]);
    expect(keyed.rows[0].n).toBe(1);
  });
});
