import type { PoolClient } from 'pg';
import { changeVersion, type VersionedTable } from './fact-versions';
import type { ProjectedEvent, Projection } from './projection-contract';

const DAYS: VersionedTable = { table: 'kpi_rehab_day_versions', columns: ['realised_days'] };

/**
 * Realised days of rehabilitative work activity per period and month (the KPI "rehabilitative
 * work activity days"): a later record of a month opens a new version, so an answer as of a
 * past date sums what was recorded then.
 */
export const kpiRehabDaysProjection: Projection = {
  name: 'kpi-rehab-day-versions',
  tables: [DAYS.table],
  async apply(client, event) {
    if (event.type !== 'RehabilitativeWorkDaysRecorded') return;
    const key = { path_id: event.streamId, service_id: event.data.serviceId, month: `${event.data.month}-01` };
    if (await changeVersion(client, DAYS, key, event, { realised_days: event.data.realisedDays })) return;
    await first(client, key, event);
  },
};

async function first(client: PoolClient, key: { path_id: string; service_id: string; month: string }, event: Extract<ProjectedEvent, { type: 'RehabilitativeWorkDaysRecorded' }>) {
  await client.query(
    `INSERT INTO kpi_rehab_day_versions (path_id, service_id, month, recorded_from, version, realised_days) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [key.path_id, key.service_id, key.month, event.recordedAt, event.streamVersion, event.data.realisedDays],
  );
}
