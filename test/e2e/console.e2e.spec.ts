import { randomInt, randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { eventually } from '@polku/testing';
import type { Page } from 'playwright-core';
import { fillFields, openBrowser, submitForm, type Answer, type BrowserSession, type FieldValue } from '../support/browser';
import { loseNextAnswer } from '../support/lost-answer';
import { journey } from '../support/path-journey';
import { projectionLagReport } from '../support/projection-lag';
import { call, devToken, startPath } from '../support/staff-api';

const config = loadConfig();
const BASE_URL = `http://${config.api.host}:${config.api.port}`;
// A training area runs the drill policy: the interview reminder fires ~10 s after registration.
const AREA = config.trainingAreas[0] ?? 'Harjoitusalue';
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

interface ApiError {
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}
type PathAnswer = { readonly path: { readonly stage: string; readonly status: string } };

/** A valid identity code for each run (1900s, individual number 002–899), so reruns never collide. */
function randomIdentityCode(): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const digits = `${pad(randomInt(1, 29))}${pad(randomInt(1, 13))}${pad(randomInt(50, 100))}${pad(randomInt(2, 900), 3)}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}${CHECK_CHARACTERS[Number(digits) % 31]}`;
}

/** Today in Europe/Helsinki (the console's default date) moved by whole days, `YYYY-MM-DD`. */
function helsinkiDate(offsetDays = 0): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + offsetDays)).toISOString().slice(0, 10);
}

async function signIn(page: Page, role: string, userId: string): Promise<void> {
  await page.getByTestId('page-sign-in').waitFor();
  await fillFields(page, 'sign-in', { role: { select: role }, employmentArea: AREA, userId });
  const answer = await submitForm(page, 'sign-in', '/dev-issuer/token');
  expect(answer.status).toBeLessThan(300);
}

async function expectStage(page: Page, stage: string, status = 'ACTIVE'): Promise<void> {
  await page.locator(`[data-testid="path-stage"][data-stage="${stage}"]`).waitFor();
  await page.locator(`[data-testid="path-status"][data-status="${status}"]`).waitFor();
}

/** The form shows the server's code and message, and each issue's message next to its field. */
async function expectErrorShown(page: Page, formId: string, answer: Answer<ApiError>): Promise<void> {
  const box = page.getByTestId(`${formId}-error`);
  await box.waitFor();
  expect(await box.getAttribute('data-code')).toBe(answer.body.code);
  expect(await box.textContent()).toContain(answer.body.message);
  for (const issue of answer.body.issues ?? []) {
    const field = page.getByTestId(`${formId}-error-${issue.path}`);
    const where = (await field.count()) > 0 ? field : page.getByTestId(`form-${formId}`);
    expect(await where.textContent()).toContain(issue.message);
  }
}

async function openCommand(page: Page, command: string): Promise<void> {
  const details = page.getByTestId(`command-${command}`);
  if ((await details.getAttribute('open')) === null) await page.getByTestId(`command-${command}-open`).click();
}

async function command(page: Page, name: string, values: Readonly<Record<string, FieldValue>>, stage: string, status = 'ACTIVE'): Promise<void> {
  await openCommand(page, name);
  await fillFields(page, name, values);
  const answer = await submitForm<PathAnswer>(page, name, `/${name}`);
  expect(answer).toMatchObject({ status: 200, body: { path: { stage, status } } });
  await expectStage(page, stage, status);
}

/** A refused command shows the server's error inline, and the path, read again, has not moved. */
async function refused(page: Page, pathId: string, name: string, values: Readonly<Record<string, FieldValue>>, stage: string): Promise<Answer<ApiError>> {
  await openCommand(page, name);
  await fillFields(page, name, values);
  const answer = await submitForm<ApiError>(page, name, `/${name}`);
  expect([400, 422]).toContain(answer.status);
  await expectErrorShown(page, name, answer);
  const reread = page.waitForResponse((response) => response.request().method() === 'GET' && new URL(response.url()).pathname === `/paths/${pathId}`);
  await page.getByTestId('path-refresh').click();
  expect(((await (await reread).json()) as PathAnswer).path.stage).toBe(stage);
  await expectStage(page, stage);
  return answer;
}

describe('staff console in a browser', () => {
  const run = randomUUID().slice(0, 8);
  const coach = `coach.e2e-${run}`;
  const municipality = `Harjoituskunta ${run}`;
  let browser: BrowserSession;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await openBrowser({ baseURL: BASE_URL });
    browser.page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('takes a client from intake to exit, with the drill reminder, inline refusals and the manager’s KPIs', async () => {
    const { page } = browser;
    await page.goto('/');
    await page.getByTestId('page-sign-in').waitFor();
    await browser.screenshot('sign-in');
    await signIn(page, 'coach', coach);
    await page.getByTestId('page-caseload').waitFor();
    await browser.screenshot('caseload');

    await page.getByTestId('nav-intake').click();
    await page.getByTestId('page-intake').waitFor();
    expect(await page.getByTestId('intake-coachId').inputValue()).toBe(coach);
    const code = randomIdentityCode();
    const wrongCheck = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    await fillFields(page, 'intake', { identityCode: wrongCheck, municipality, referralSource: { select: 'SELF_REGISTRATION' } });
    const invalid = await submitForm<ApiError>(page, 'intake', '/paths');
    expect(invalid.status).toBe(400);
    await expectErrorShown(page, 'intake', invalid);
    await browser.screenshot('intake-refused');
    await fillFields(page, 'intake', { identityCode: code });
    const started = await submitForm<{ pathId: string }>(page, 'intake', '/paths');
    expect(started.status).toBe(201);
    const { pathId } = started.body;

    await page.getByTestId('page-path').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/paths/${pathId}`);
    await expectStage(page, 'INTAKE');
    expect(await page.getByTestId('path-identity').textContent()).toBe(`******-***${code.slice(-1)}`);
    await page.locator('[data-testid="deadline-item"][data-rule="INIT-INTERVIEW"]').first().waitFor();
    await browser.screenshot('path-registered');

    await page.getByTestId('nav-notifications').click();
    const reminderRow = page.locator(`[data-testid="notification-item"][data-path-id="${pathId}"][data-rule="INIT-INTERVIEW"][data-kind="REMINDER"]`);
    await eventually(
      async () => {
        await page.getByTestId('notifications-refresh').click();
        return reminderRow.waitFor({ timeout: 2_000 }).then(
          () => true,
          () => undefined,
        );
      },
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'the drill reminder in the notifications' },
    );
    await page.locator('[data-testid="unread-badge"]:not([data-count="0"])').waitFor();
    await browser.screenshot('notifications');
    await reminderRow.getByTestId('notification-read').click();
    await page.locator(`[data-testid="notification-item"][data-path-id="${pathId}"][data-kind="REMINDER"][data-read="true"]`).waitFor();
    await reminderRow.getByTestId('notification-path').click();
    await page.getByTestId('page-path').waitFor();

    await command(page, 'hold-initial-interview', { serviceNeed: 'Työnhaun tuki ja työkokeilu', 'employmentPlan.goals': 'Työkokeilu varastossa' }, 'INTAKE');
    await page.locator('[data-testid="timeline-item"][data-type="InitialInterviewHeld"]').waitFor();
    await page.locator('[data-testid="deadline-item"][data-rule="JOB-SEARCH-DISCUSSION"]').first().waitFor();
    await browser.screenshot('path-interviewed');
    await command(page, 'start-assessment', {}, 'ASSESSMENT');
    await command(page, 'record-assessment', { strengths: 'Asiakaspalvelu\nTiimityö', ownGoals: 'Varastotyö', recommendedNextService: { select: 'WORK_TRIAL' } }, 'ASSESSMENT');
    await page.locator('[data-testid="timeline-item"][data-type="AssessmentRecorded"]').waitFor();
    await browser.screenshot('path-assessed');

    const trial = {
      'organiser.name': 'Harjoitus Oy',
      'organiser.businessId': '1234567-1',
      'organiser.kind': { select: 'COMPANY' },
      tasks: 'Varastotyö',
      goal: 'Työkyvyn ja alan kokeilu',
      startOn: helsinkiDate(),
      plannedEndOn: helsinkiDate(-1),
      daysPerWeek: '4',
      hoursPerDay: '6',
      agreementReference: `TK-${run}`,
      guide: 'Liisa Lahtinen',
    };
    await refused(page, pathId, 'start-work-trial', trial, 'ASSESSMENT');
    await browser.screenshot('path-trial-dates-refused');
    const badBusinessId = await refused(page, pathId, 'start-work-trial', { plannedEndOn: helsinkiDate(60), 'organiser.businessId': '1234567-8' }, 'ASSESSMENT');
    expect(JSON.stringify(badBusinessId.body)).toMatch(/business|Y-tunnus/i);
    await browser.screenshot('path-trial-organiser-refused');
    await command(page, 'start-work-trial', { 'organiser.businessId': '1234567-1' }, 'WORK_TRIAL');
    await command(page, 'end-work-trial', { result: { select: 'COMPLETED' }, organiserFeedback: 'Sujui hyvin' }, 'WORK_TRIAL');
    await browser.screenshot('path-trial-ended');
    await command(page, 'start-wage-subsidy', { employerBusinessId: '1234567-1', employerKind: { select: 'COMPANY' }, rate: { select: '50' }, workingTimePercent: '100' }, 'WAGE_SUBSIDY');
    await command(page, 'end-wage-subsidy', {}, 'WAGE_SUBSIDY');
    await command(page, 'exit', { outcome: { select: 'EMPLOYED_OPEN_MARKET' } }, 'WAGE_SUBSIDY', 'EXITED');
    await page.locator('[data-testid="timeline-item"][data-type="PathExited"]').waitFor();
    await browser.screenshot('path-exited');

    await page.getByTestId('nav-caseload').click();
    await page.getByTestId('caseload-mode-all').click();
    await fillFields(page, 'filters', { status: { select: 'EXITED' }, municipality });
    const exitedRow = page.locator(`[data-testid="paths-row"][data-path-id="${pathId}"]`);
    await eventually(
      async () => {
        // Each submit refetches and clears the list first: wait for the answer, not a snapshot.
        await page.getByTestId('filters-submit').click();
        return exitedRow.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => undefined,
        );
      },
      // Projection-backed: the report says where the path stands if it never shows.
      { timeoutMs: 90_000, intervalMs: 1_000, what: 'the exited path in the filtered path list' },
    ).catch(async (error: Error) => {
      await browser.screenshot('paths-not-listed');
      throw new Error(`${error.message}\n${await projectionLagReport(pathId)}`);
    });
    expect(await page.getByTestId('paths-row').count()).toBe(1);
    await browser.screenshot('paths-exited');

    await page.getByTestId('nav-sign-out').click();
    await signIn(page, 'manager', `manager.e2e-${run}`);
    await page.getByTestId('page-kpis').waitFor();
    await fillFields(page, 'kpi-filters', { municipality });
    await page.getByTestId('kpi-filters-submit').click();
    const row = page.locator(`[data-testid="kpi-row"][data-municipality="${municipality}"]`);
    const exitsShown = (exits: string) =>
      eventually(
        async () => {
          await page.getByTestId('kpis-refresh').click();
          return (await row.getAttribute('data-exits', { timeout: 1_000 })) === exits ? true : undefined;
        },
        { timeoutMs: 90_000, intervalMs: 1_000, what: `the KPI projection to count the exits (${exits})` },
      );
    // One exit is a small cell (docs/erasure.md): "<5", no segment, no share bar, a "<5" mark.
    await exitsShown('<5');
    expect(await page.getByTestId('kpi-exits-chart-segment').count()).toBe(0);
    expect(await page.getByTestId('kpi-exits-chart-suppressed').count()).toBe(1);
    expect(await page.getByTestId('kpi-goal-chart-bar').count()).toBe(0);
    await browser.screenshot('kpis-suppressed');
    // Four more exits in the municipality: five people, shown.
    const apiCoach = await devToken({ userId: coach, role: 'coach', employmentArea: AREA });
    for (let i = 0; i < 4; i++) {
      const { pathId: another } = await startPath(apiCoach, { municipality, coachId: coach });
      for (const [route, body] of journey()) expect((await call('POST', `/paths/${another}/${route}`, { token: apiCoach, body })).status).toBe(200);
    }
    await exitsShown('5');
    expect(await page.getByTestId('kpi-exits-chart-segment').count()).toBe(1);
    expect(await page.getByTestId('kpi-exits-chart-suppressed').count()).toBe(0);
    expect(await page.getByTestId('kpi-goal-chart-bar').count()).toBe(1);
    await browser.screenshot('kpis');
    await page.getByTestId('lang-en').click();
    await page.reload();
    await page.getByRole('heading', { name: 'KPIs' }).waitFor();
    await browser.screenshot('kpis-english');
    expect(pageErrors).toEqual([]);
  }, 300_000);
});

/** Registers a client through the intake form and waits for their path's page. */
async function registerClient(page: Page, municipality: string): Promise<string> {
  await page.getByTestId('nav-intake').click();
  await fillFields(page, 'intake', { identityCode: randomIdentityCode(), municipality });
  const started = await submitForm<{ pathId: string }>(page, 'intake', '/paths');
  expect(started.status).toBe(201);
  await expectStage(page, 'INTAKE');
  return started.body.pathId;
}

interface Resent {
  readonly status: number;
  readonly replayed: boolean;
  /** How many events of each type the path's timeline has, as the console reads it afterwards. */
  readonly events: Readonly<Record<string, number>>;
}

/** The user presses the form's submit again; answers the API's answer and the path read after it. */
async function resend(page: Page, pathId: string, formId: string): Promise<Resent> {
  const answer = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith(`/${formId}`));
  const reread = page.waitForResponse((response) => response.request().method() === 'GET' && new URL(response.url()).pathname === `/paths/${pathId}`);
  await page.getByTestId(`${formId}-submit`).click();
  const response = await answer;
  const { timeline } = (await (await reread).json()) as { timeline: readonly { type: string }[] };
  const events: Record<string, number> = {};
  for (const { type } of timeline) events[type] = (events[type] ?? 0) + 1;
  return { status: response.status(), replayed: (await response.headerValue('idempotent-replay')) === 'true', events };
}

/** Submits the form while its answer is lost on the way back: applied by the API, a failure to the user. */
async function submitLosingAnswer(page: Page, formId: string): Promise<void> {
  const lost = await loseNextAnswer(page, `/${formId}`);
  await page.getByTestId(`${formId}-submit`).click();
  expect(await lost.delivered).toBe(200);
  await page.locator(`[data-testid="${formId}-error"][data-code="NETWORK.UNREACHABLE"]`).waitFor();
}

describe('staff console retries in a browser', () => {
  const run = randomUUID().slice(0, 8);
  let browser: BrowserSession;

  beforeAll(async () => {
    browser = await openBrowser({ baseURL: BASE_URL });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('applies a command once when its answer is lost and the user sends it again, also after a reload', async () => {
    const { page } = browser;
    await page.goto('/');
    await signIn(page, 'coach', `coach.retry-${run}`);
    const pathId = await registerClient(page, `Harjoituskunta ${run}`);
    const consent = { 'consent.audience': { select: 'KELA' }, 'consent.scope': `Työkyvyn tiedot ${run}` };

    await openCommand(page, 'record-consent');
    await fillFields(page, 'record-consent', consent);
    await submitLosingAnswer(page, 'record-consent');
    await browser.screenshot('path-consent-answer-lost');
    const hint = await page.getByTestId('record-consent-retry').textContent({ timeout: 1_000 }).catch(() => null);
    expect(await resend(page, pathId, 'record-consent')).toMatchObject({ status: 200, replayed: true, events: { ConsentRecorded: 1 } });
    // Checked after the count, which is the contract: the hint tells the user the retry is safe.
    expect(hint).toMatch(/kahdesti/);

    // A reload while the outcome is unknown: the same form filled the same way is the same action.
    const renewed = { ...consent, 'consent.scope': `Työkyvyn tiedot ${run}, uusittu` };
    await fillFields(page, 'record-consent', renewed);
    await submitLosingAnswer(page, 'record-consent');
    await page.reload();
    await expectStage(page, 'INTAKE');
    await openCommand(page, 'record-consent');
    await fillFields(page, 'record-consent', renewed);
    expect(await resend(page, pathId, 'record-consent')).toMatchObject({ status: 200, replayed: true, events: { ConsentRecorded: 2 } });
    await browser.screenshot('path-consent-retried');
  }, 120_000);
});
