import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { eventually } from '@polku/testing';
import { Pool } from 'pg';
import type { Page } from 'playwright-core';
import { fillFields, openBrowser, submitForm, type BrowserSession } from '../support/browser';
import { journey } from '../support/path-journey';
import { call, devToken, startPath } from '../support/staff-api';

const config = loadConfig();
const BASE_URL = `http://${config.api.host}:${config.api.port}`;
// The KPI facts follow the event store through the relay: a generous bound, not an expectation.
const PROJECTION_LAG_MS = 90_000;
jest.setTimeout(420_000);

/** Today in Europe/Helsinki, `YYYY-MM-DD`. */
const helsinkiToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());

async function signIn(page: Page, area: string, userId: string): Promise<void> {
  await page.getByTestId('page-sign-in').waitFor();
  await fillFields(page, 'sign-in', { role: { select: 'manager' }, employmentArea: area, userId });
  expect((await submitForm(page, 'sign-in', '/dev-issuer/token')).status).toBeLessThan(300);
}

/**
 * The KPI page over any period, in Finnish and in English: eight municipalities with five clients
 * each (one bar pair each, as readable as one), five exits in one of them, the comparison with a
 * year earlier, the segment filter, the CSV export; and a path page as recorded by a date.
 */
describe('the KPI page in a browser', () => {
  const run = randomUUID().slice(0, 8);
  const area = `E2E-tunnusluvut ${run}`;
  const municipalities = Array.from({ length: 8 }, (_, index) => `Kunta ${index + 1} ${run}`);
  let browser: BrowserSession;
  let pool: Pool;
  let exitedPathId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
    // A coach per municipality: identity-code lookups are limited per user (20 a minute).
    for (const [index, municipality] of municipalities.entries()) {
      const coachId = `coach${index}.${run}`;
      const coach = await devToken({ userId: coachId, role: 'coach', employmentArea: area });
      for (let i = 0; i < 5; i++) {
        const { pathId } = await startPath(coach, { municipality, coachId });
        if (municipality !== municipalities[0]) continue;
        for (const [route, body] of journey()) expect([route, (await call('POST', `/paths/${pathId}/${route}`, { token: coach, body })).status]).toEqual([route, 200]);
        exitedPathId = pathId;
      }
    }
    await eventually(
      async () => {
        const { rows } = await pool.query<{ paths: number; exits: number }>(
          `SELECT count(*)::int AS paths, count(exited_on)::int AS exits FROM kpi_fact_versions WHERE employment_area = $1 AND recorded_until IS NULL`,
          [area],
        );
        return rows[0]?.paths === 40 && rows[0]?.exits === 5 ? true : undefined;
      },
      { timeoutMs: PROJECTION_LAG_MS, what: 'the KPI facts of 40 paths and 5 exits' },
    );
    browser = await openBrowser({ baseURL: BASE_URL });
    browser.page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await pool?.end();
  });

  it('shows the period against a year earlier with a bar pair per municipality, in Finnish and in English, and exports it', async () => {
    const { page } = browser;
    await page.goto('/');
    await signIn(page, area, `manager.${run}`);
    await page.getByTestId('page-kpis').waitFor();
    const from = `${helsinkiToday().slice(0, 4)}-01-01`;
    await fillFields(page, 'kpi-filters', { from, to: helsinkiToday() });
    await page.getByTestId('kpi-filters-submit').click();
    await page.locator('[data-testid="kpi-row"]').nth(7).waitFor();
    expect(await page.getByTestId('kpi-row').count()).toBe(8);
    expect(await page.locator(`[data-testid="kpi-row"][data-municipality="${municipalities[0]}"]`).getAttribute('data-exits')).toBe('5');
    // Served: a bar in the period for each municipality, none a year earlier; goal attained: one.
    expect(await page.getByTestId('kpi-served-chart-bar').count()).toBe(8);
    expect(await page.getByTestId('kpi-goal-chart-bar').count()).toBe(1);
    expect(await page.getByTestId('kpi-exits-chart-segment').count()).toBe(1);
    expect(await page.locator('[data-testid="kpi-area-row"][data-figure="clientsServed"]').getAttribute('data-value')).toBe('40');
    // Nothing fell due yet: the on-time share of job-search discussions is not 0 %, it is "–".
    expect(await page.locator('[data-testid="kpi-area-row"][data-figure="discussionOnTimeShare"]').getAttribute('data-value')).toBe('–');
    await page.getByTestId('kpi-served-chart-figures-open').click();
    await browser.screenshot('kpis-period-fi');

    const csv = page.waitForResponse((response) => new URL(response.url()).pathname === '/kpis/export.csv');
    await page.getByTestId('kpis-export').click();
    const answer = await csv;
    expect([answer.status(), answer.headers()['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    const lines = (await answer.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^period_from,period_to,previous_year_from,previous_year_to,segment,as_of,generated_at,municipality,clientsServed,/);
    expect(lines).toHaveLength(1 + 1 + 8);
    expect(lines[1]).toContain(`${from},${helsinkiToday()},`);

    await fillFields(page, 'kpi-filters', { segment: { select: 'multisectoral' } });
    await page.getByTestId('kpi-filters-submit').click();
    await page.locator('[data-testid="kpi-answer"][data-segment="multisectoral"]').waitFor();
    expect(await page.getByTestId('kpi-row').count()).toBe(0);

    await page.getByTestId('lang-en').click();
    await page.reload();
    await page.getByRole('heading', { name: 'KPIs' }).waitFor();
    await fillFields(page, 'kpi-filters', { from, to: helsinkiToday() });
    await page.getByTestId('kpi-filters-submit').click();
    await page.locator('[data-testid="kpi-row"]').nth(7).waitFor();
    await page.getByTestId('kpi-goal-chart-figures-open').click();
    await browser.screenshot('kpis-period-en');

    // One municipality reads as well as eight: the same bar thickness, the chart just shorter.
    await fillFields(page, 'kpi-filters', { municipality: municipalities[0] ?? '' });
    await page.getByTestId('kpi-filters-submit').click();
    await page.locator(`[data-testid="kpi-row"][data-municipality="${municipalities[0]}"]`).waitFor();
    expect(await page.getByTestId('kpi-row').count()).toBe(1);
    await browser.screenshot('kpis-one-municipality-en');
    expect(pageErrors).toEqual([]);
  });

  it('shows a path as recorded by a date, with no actions offered', async () => {
    const { page } = browser;
    await page.goto(`/#/paths/${exitedPathId}`);
    await page.getByTestId('page-path').waitFor();
    await fillFields(page, 'path-as-of', { asOf: helsinkiToday() });
    const read = page.waitForResponse((response) => new URL(response.url()).searchParams.get('asOf') === helsinkiToday());
    await page.getByTestId('path-as-of-submit').click();
    expect((await read).status()).toBe(200);
    await page.getByTestId('path-as-of-note').waitFor();
    expect(await page.locator('[data-testid^="command-"]').count()).toBe(0);
    await browser.screenshot('path-as-of-en');
    await page.getByTestId('path-as-of-current').click();
    await page.getByTestId('path-as-of-note').waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
