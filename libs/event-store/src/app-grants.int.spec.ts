import { DATABASE_APPS, databaseRoleOf, loadConfig } from '@polku/config';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database';

/**
 * Every relation in public and exactly what each app's role holds on it, after all migrations.
 * A new table fails this test until its migration grants what the apps need (or nothing) and
 * the table below says so: least privilege is decided per table, never by default.
 */
const EXPECTED: Record<string, Partial<Record<'api' | 'worker' | 'relay', string>>> = {
  schema_migrations: {},
  events: { api: 'SELECT', worker: 'INSERT SELECT', relay: 'SELECT' },
  events_global_position_seq: { worker: 'USAGE' },
  outbox: { worker: 'INSERT', relay: 'SELECT UPDATE(attempts,last_error,sent_at)' },
  outbox_outbox_id_seq: { worker: 'USAGE' },
  client_active_paths: { api: 'SELECT', worker: 'DELETE INSERT SELECT' },
  notifications: { api: 'SELECT UPDATE(read_at)', worker: 'INSERT SELECT(notification_id)' },
  client_identities: { api: 'INSERT SELECT UPDATE' },
  idempotency_keys: { api: 'DELETE INSERT SELECT UPDATE' },
  erased_client_guards: { api: 'INSERT SELECT' },
  erasure_audit: { api: 'INSERT' },
  erasure_audit_audit_id_seq: {},
  access_log: { api: 'INSERT SELECT' },
  access_log_access_id_seq: { api: 'USAGE' },
  transfer_requests: { api: 'INSERT SELECT' },
  relay_lease: { relay: 'INSERT SELECT UPDATE' },
  dlq_replays: { relay: 'INSERT SELECT' },
  projection_checkpoints: { relay: 'INSERT SELECT UPDATE' },
  projection_parked: { relay: 'INSERT SELECT UPDATE' },
  path_summaries: { api: 'SELECT', relay: 'INSERT SELECT UPDATE' },
  deadlines: { api: 'SELECT', relay: 'INSERT SELECT UPDATE' },
  kpi_fact_versions: { api: 'SELECT', relay: 'INSERT SELECT UPDATE' },
  kpi_rehab_day_versions: { api: 'SELECT', relay: 'INSERT SELECT UPDATE' },
  // Follows kpi_fact_versions by trigger, run as the relay's projections (0024).
  kpi_current_facts: { api: 'SELECT', relay: 'DELETE INSERT SELECT' },
  coach_caseloads: { api: 'SELECT' },
  upcoming_deadlines: { api: 'SELECT' },
  overdue_deadlines: { api: 'SELECT' },
};

const config = loadConfig();
const ROLES = new Map(DATABASE_APPS.map((app) => [databaseRoleOf(app), app]));
let scratch: ScratchDatabase;

beforeAll(async () => (scratch = await createScratchDatabase(config.databaseUrl, 'polku_grants_test')));
afterAll(async () => scratch?.drop());

/** relation → app → 'PRIV PRIV COLPRIV(col,col)', from the catalog's ACLs (table and column grants). */
async function grantsInPublic(): Promise<Record<string, Record<string, string>>> {
  const { rows } = await scratch.pool.query<{ relation: string; grantee: string | null; privilege: string | null; columns: string[] | null }>(
    `SELECT c.relname AS relation, g.grantee, g.privilege, g.columns
       FROM pg_class c
       LEFT JOIN LATERAL (
         SELECT a.grantee::regrole::text AS grantee, a.privilege_type AS privilege, NULL::text[] AS columns FROM aclexplode(c.relacl) a
         UNION ALL
         SELECT a.grantee::regrole::text, a.privilege_type, array_agg(att.attname::text ORDER BY att.attname)
           FROM pg_attribute att CROSS JOIN LATERAL aclexplode(att.attacl) a
          WHERE att.attrelid = c.oid AND att.attacl IS NOT NULL
          GROUP BY 1, 2) g ON true
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
  );
  const grants: Record<string, Record<string, string[]>> = {};
  for (const { relation, grantee, privilege, columns } of rows) {
    const app = grantee === null ? undefined : ROLES.get(grantee);
    const byApp = (grants[relation] ??= {});
    if (app !== undefined && privilege !== null) (byApp[app] ??= []).push(columns === null ? privilege : `${privilege}(${columns.join(',')})`);
  }
  return Object.fromEntries(Object.entries(grants).map(([relation, byApp]) => [relation, Object.fromEntries(Object.entries(byApp).map(([app, list]) => [app, list.sort().join(' ')]))]));
}

it('grants each app exactly its privileges on every relation in public, and the consumers none', async () => {
  expect(await grantsInPublic()).toEqual(EXPECTED);
});

it('gives each downstream consumer its own schema', async () => {
  const { rows } = await scratch.pool.query("SELECT nspname AS schema, nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname IN ('municipal', 'wellbeing') ORDER BY 1");
  expect(rows).toEqual([
    { schema: 'municipal', owner: 'polku_municipal_consumer' },
    { schema: 'wellbeing', owner: 'polku_wellbeing_consumer' },
  ]);
});

it('lets only the consumers create schemas (their <schema>_rebuild), and no app anything else on the database', async () => {
  const { rows } = await scratch.pool.query<{ grantee: string; privilege: string }>(
    `SELECT a.grantee::regrole::text AS grantee, a.privilege_type AS privilege
       FROM pg_database d CROSS JOIN LATERAL aclexplode(d.datacl) a
      WHERE d.datname = current_database() AND a.grantee::regrole::text LIKE 'polku\\_%' ORDER BY 1, 2`,
  );
  expect(rows).toEqual([
    { grantee: 'polku_municipal_consumer', privilege: 'CREATE' },
    { grantee: 'polku_wellbeing_consumer', privilege: 'CREATE' },
  ]);
});

it('lets no role but the owner and the three public-schema apps resolve names in public', async () => {
  const { rows } = await scratch.pool.query<{ grantee: string }>(
    "SELECT a.grantee::regrole::text AS grantee FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a WHERE n.nspname = 'public' AND a.privilege_type = 'USAGE' ORDER BY 1",
  );
  expect(rows.map((row) => row.grantee).filter((grantee) => grantee.startsWith('polku_') || grantee === '-')).toEqual(['polku_api', 'polku_relay', 'polku_worker']);
});
