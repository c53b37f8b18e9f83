import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { eventually } from '@polku/testing';
import type { Page } from 'playwright-core';
import type { KeyboardResult } from '@polku/contracts';
import { auditReport, writeAuditReport } from '../support/audit-report';
import { auditPage, describeViolations, installAxe, type PageAudit } from '../support/axe-audit';
import { fillFields, openBrowser, type BrowserSession } from '../support/browser';
import { arrowToOption, tabTo } from '../support/keyboard';
import { chooseSwedishByKeyboard, registerByKeyboard, sendCommand, signInByKeyboard } from '../support/keyboard-journey';
import { expectReflow } from '../support/reflow';
import { journey } from '../support/path-journey';
import { call, devToken, startPath } from '../support/staff-api';

const config = loadConfig();
const BASE_URL = `http://${config.api.host}:${config.api.port}`;
const AREA = config.trainingAreas[0] ?? 'Harjoitusalue';
const LANGS = ['fi', 'sv', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** Signs in through the form (mouse allowed here: this part audits, the keyboard test drives). */
async function signIn(page: Page, role: string, userId: string): Promise<void> {
  await page.goto('/#/sign-in');
  await page.getByTestId('page-sign-in').waitFor();
  await fillFields(page, 'sign-in', { role: { select: role }, employmentArea: AREA, userId });
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('nav-sign-out').waitFor();
}

/** The caseload is projection-backed: a path started a moment ago may take a while to show. */
async function caseloadListed(page: Page): Promise<void> {
  const table = page.getByTestId('paths-table');
  await eventually(
    async () => {
      if (await table.isVisible()) return true;
      // Switching the view away and back fetches the caseload again.
      await page.getByTestId('caseload-mode-all').click();
      await page.getByTestId('caseload-mode-mine').click();
      return table.waitFor({ timeout: 2_000 }).then(() => true, () => undefined);
    },
    { timeoutMs: 90_000, intervalMs: 500, what: 'the coach’s own paths in the caseload' },
  );
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('nav-sign-out').click();
  await page.getByTestId('page-sign-in').waitFor();
}

async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  await page.goto('/#/sign-in');
  await page.getByTestId(`lang-${lang}`).click();
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

/** Five clients through to the exit in one municipality: the KPI charts then draw bars (five is no small cell). */
async function exitedClients(coach: string, municipality: string): Promise<void> {
  const token = await devToken({ userId: coach, role: 'coach', employmentArea: AREA });
  await Promise.all(
    Array.from({ length: 5 }, async () => {
      const { pathId } = await startPath(token, { municipality, coachId: coach });
      for (const [route, body] of journey()) expect((await call('POST', `/paths/${pathId}/${route}`, { token, body })).status).toBe(200);
    }),
  );
}

describe('staff console accessibility in a browser (axe-core on Chromium, keyboard only)', () => {
  const run = randomUUID().slice(0, 8);
  const coach = `coach.a11y-${run}`;
  const municipality = `Saavutettavuuskunta ${run}`;
  const audits: PageAudit[] = [];
  const pageErrors: string[] = [];
  let keyboard: KeyboardResult = 'not-run';
  let browser: BrowserSession;
  let intakePath: string;
  let exits: Promise<void>;

  beforeAll(async () => {
    browser = await openBrowser({ baseURL: BASE_URL });
    await installAxe(browser.context);
    browser.page.on('pageerror', (error) => pageErrors.push(error.message));
    const token = await devToken({ userId: coach, role: 'coach', employmentArea: AREA });
    intakePath = (await startPath(token, { municipality, coachId: coach })).pathId;
    // Started now, awaited at the KPI page: the projection catches up while the other pages are audited.
    exits = exitedClients(coach, municipality);
  });

  afterAll(async () => {
    if (audits.length > 0 && browser) {
      // The user agent string is frozen at "156.0.0.0"; the DevTools protocol tells the full version.
      const cdp = await browser.context.newCDPSession(browser.page);
      const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
      writeAuditReport(auditReport(audits, keyboard, `${product.replace(/^(Headless)?Chrome\//, 'Chromium ')} (Debian)`, new Date()), audits);
    }
    await browser?.close();
  });

  let lang: Lang = 'fi';
  async function audit(name: string): Promise<void> {
    const result = await auditPage(browser.page, name);
    // The page says which language it is in (WCAG 3.1.1), and it is the one chosen.
    expect(`${name}: ${result.lang}`).toBe(`${name}: ${lang}`);
    audits.push(result);
    await expectReflow(browser.page, `${lang} ${name}`);
    await browser.screenshot(`a11y-${lang}-${name}`);
  }

  async function auditSignedOut(page: Page): Promise<void> {
    await chooseLanguage(page, lang);
    await audit('sign-in');
    await page.getByTestId('footer-accessibility').click();
    await page.getByTestId('page-accessibility').waitFor();
    await page.locator('[data-testid="statement-audit"], [data-testid="statement-no-audit"]').first().waitFor();
    await audit('accessibility');
  }

  async function auditCoachPages(page: Page): Promise<void> {
    await signIn(page, 'coach', coach);
    await caseloadListed(page);
    await audit('caseload');
    await page.getByTestId('caseload-mode-all').click();
    await page.getByTestId('form-filters').waitFor();
    await audit('caseload-all');
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-submit').click();
    await page.getByTestId('intake-error').waitFor();
    await audit('intake');
    await page.goto(`/#/paths/${intakePath}`);
    await page.getByTestId('command-hold-initial-interview-open').click();
    await page.getByTestId('hold-initial-interview-submit').click();
    await page.getByTestId('hold-initial-interview-error-serviceNeed').waitFor();
    await audit('path');
    await page.getByTestId('nav-notifications').click();
    await page.locator('[data-testid="notifications-table"], [data-testid="notifications-empty"]').first().waitFor();
    await audit('notifications');
    await signOut(page);
  }

  async function auditKpis(page: Page): Promise<void> {
    await signIn(page, 'manager', `manager.a11y-${run}`);
    await fillFields(page, 'kpi-filters', { municipality });
    const row = page.locator(`[data-testid="kpi-row"][data-municipality="${municipality}"][data-exits="5"]`);
    await eventually(
      async () => {
        await page.getByTestId('kpi-filters-submit').click();
        return row.waitFor({ timeout: 2_000 }).then(() => true, () => undefined);
      },
      { timeoutMs: 90_000, intervalMs: 1_000, what: 'five exits in the KPI table' },
    );
    await page.getByTestId('kpi-goal-chart-figures-open').click();
    await page.getByTestId('kpi-exits-chart-figures-open').click();
    await audit('kpis');
    await signOut(page);
  }

  it('passes the axe-core WCAG 2.1 AA audit on every page in Finnish, Swedish and English, and reflows to 320 px', async () => {
    const { page } = browser;
    await page.goto('/');
    for (const next of LANGS) {
      lang = next;
      await auditSignedOut(page);
      await auditCoachPages(page);
      if (next === LANGS[0]) await exits;
      await auditKpis(page);
    }
    expect(audits.map((audit) => `${audit.lang} ${audit.page}`)).toHaveLength(LANGS.length * 8);
    expect(describeViolations(audits)).toBe('');
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('takes a client from intake to exit in Swedish with the keyboard alone, the focus where it should be at each step', async () => {
    keyboard = 'failed';
    const { page } = browser;
    await chooseSwedishByKeyboard(page);
    await browser.screenshot('sv-keyboard-sign-in');
    await signInByKeyboard(page, AREA, coach);
    expect(await page.getByTestId('page-heading').textContent()).toBe('Mina kunder');
    const pathId = await registerByKeyboard(page, municipality, () => browser.screenshot('sv-keyboard-intake-refused'));

    await sendCommand(page, 'hold-initial-interview', async () => {
      await tabTo(page, 'hold-initial-interview-serviceNeed');
      await page.keyboard.type('Stöd i jobbsökningen');
      await tabTo(page, 'hold-initial-interview-employmentPlan.applicationsPerMonth', { max: 1 });
      await page.keyboard.press('ArrowDown');
      expect(await page.getByTestId('hold-initial-interview-employmentPlan.applicationsPerMonth').inputValue()).toBe('3');
      await tabTo(page, 'hold-initial-interview-employmentPlan.goals', { max: 1 });
      await page.keyboard.type('Arbete inom logistik');
      await tabTo(page, 'hold-initial-interview-language', { max: 1 });
      expect(await page.getByTestId('hold-initial-interview-language').inputValue()).toBe('sv');
    });
    expect(await page.getByTestId('path-saved').textContent()).toBe('Sparat: Håll inledande intervju');
    await browser.screenshot('sv-keyboard-interview-saved');
    await sendCommand(page, 'start-assessment', async () => undefined, 'Space');
    await page.locator('[data-testid="path-stage"][data-stage="ASSESSMENT"]').waitFor();
    await sendCommand(page, 'exit', async () => {
      await tabTo(page, 'exit-outcome');
      await arrowToOption(page, 'exit-outcome', 'EMPLOYED_OPEN_MARKET');
      await tabTo(page, 'exit-language');
      expect(await page.getByTestId('exit-language').inputValue()).toBe('sv');
    });
    await page.locator('[data-testid="path-status"][data-status="EXITED"]').waitFor();
    expect(await page.getByTestId('path-saved').textContent()).toBe('Sparat: Avsluta stigen');
    await browser.screenshot('sv-keyboard-exited');

    // The client's documents record the language they were written in.
    const token = await devToken({ userId: coach, role: 'coach', employmentArea: AREA });
    const { body } = await call<{ timeline: { type: string; details: Record<string, unknown> }[] }>('GET', `/paths/${pathId}`, { token });
    const documents = body.timeline.filter((entry) => ['InitialInterviewHeld', 'PathExited'].includes(entry.type));
    expect(Object.fromEntries(documents.map((entry) => [entry.type, entry.details['language']]))).toEqual({ InitialInterviewHeld: 'sv', PathExited: 'sv' });
    expect(pageErrors).toEqual([]);
    keyboard = 'passed';
  }, 120_000);
});

