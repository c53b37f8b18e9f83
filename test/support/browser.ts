import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Browser tests drive the machine's own Chromium through playwright-core: nothing is downloaded.
const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env['POLKU_CHROMIUM'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOT_DIR = join(process.env['POLKU_HOME'] ?? join(ROOT, '.polku'), 'artifacts', 'screenshots');

export interface BrowserSession {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Full-page screenshot as `<n>-<name>.png`, numbered in the order the pages were visited. */
  readonly screenshot: (name: string) => Promise<string>;
  readonly close: () => Promise<void>;
}

/** A fresh Chromium profile per run, so no session or language choice leaks between runs. */
export async function openBrowser({ baseURL, locale = 'fi-FI' }: { readonly baseURL: string; readonly locale?: string }): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'polku-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, baseURL, locale, viewport: { width: 1366, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let shots = 0;
  return {
    page,
    context,
    async screenshot(name) {
      const file = join(SCREENSHOT_DIR, `${++shots}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A text, date or number input gets a string, a select `{ select }`, a checkbox a boolean. */
export type FieldValue = string | boolean | { readonly select: string };

/** Fills the console form `formId` (its inputs are `data-testid="<formId>-<field>"`). */
export async function fillFields(page: Page, formId: string, values: Readonly<Record<string, FieldValue>>): Promise<void> {
  for (const [field, value] of Object.entries(values)) {
    const input = page.getByTestId(`${formId}-${field}`);
    if (typeof value === 'boolean') await input.setChecked(value);
    else if (typeof value === 'string') await input.fill(value);
    else await input.selectOption(value.select);
  }
}

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

/** Submits the form and returns the API's answer to the POST it sent to a URL ending in `urlSuffix`. */
export async function submitForm<T = Record<string, unknown>>(page: Page, formId: string, urlSuffix: string): Promise<Answer<T>> {
  const response = page.waitForResponse((candidate) => candidate.request().method() === 'POST' && new URL(candidate.url()).pathname.endsWith(urlSuffix));
  await page.getByTestId(`${formId}-submit`).click();
  const answer = await response;
  return { status: answer.status(), body: (await answer.json()) as T };
}
