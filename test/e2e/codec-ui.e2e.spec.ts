import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { pathWorkflowId } from '@polku/contracts';
import { connectTemporalClient } from '@polku/temporal';
import { eventually } from '@polku/testing';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from '../support/browser';
import { API, devToken, startPath } from '../support/staff-api';
import { TEMPORAL_UI_ORIGIN } from '../support/stored-payloads';

const config = loadConfig();
const CODEC_ENDPOINT = `${API}/codec`;
const WAIT_MS = 30_000;

/** Waits until the page's visible text holds `text`. */
async function shows(page: Page, text: string): Promise<void> {
  await eventually(async () => ((await page.innerText('body')).includes(text) ? true : undefined), { timeoutMs: WAIT_MS, what: `"${text}" on ${page.url()}` });
}

/**
 * The Temporal UI `npm start` runs (temporal server start-dev --ui-codec-endpoint) shows a
 * path's encrypted workflow input only after an admin has opened a codec session in the same
 * browser, and then in clear.
 */
describe('the Temporal UI decodes payloads through the codec endpoint', () => {
  let browser: BrowserSession;
  let pathId: string;
  let runId: string;

  beforeAll(async () => {
    const coach = await devToken({ userId: 'coach.codec-ui', role: 'coach', employmentArea: `E2E-codec-ui ${randomUUID().slice(0, 8)}` });
    pathId = (await startPath(coach)).pathId;
    const temporal = await connectTemporalClient(config.temporal);
    runId = (await temporal.workflow.getHandle(pathWorkflowId(pathId)).describe()).runId;
    await temporal.connection.close();
    browser = await openBrowser({ baseURL: API, locale: 'en-US' });
  });

  afterAll(() => browser?.close());

  it('shows ciphertext without a codec session and the input in clear with one', async () => {
    const { page } = browser;
    const workflowPage = `${TEMPORAL_UI_ORIGIN}/namespaces/${config.temporal.namespace}/workflows/${pathWorkflowId(pathId)}/${runId}/history`;
    // The UI's own per-browser codec settings (what its settings dialog stores, UI 2.42.1): the
    // server's endpoint, with credentials, so the session cookie goes along.
    await page.goto(`${TEMPORAL_UI_ORIGIN}/namespaces/${config.temporal.namespace}/workflows`);
    const settings = { overrideRemoteCodecConfiguration: true, endpoint: CODEC_ENDPOINT, includeCredentials: true };
    await page.evaluate(`Object.entries(${JSON.stringify(settings)}).forEach(([key, value]) => localStorage.setItem(key, JSON.stringify(value)))`);

    await page.goto(workflowPage);
    await shows(page, Buffer.from('binary/encrypted').toString('base64'));
    expect(await page.innerText('body')).not.toContain(`"pathId": "${pathId}"`);
    await browser.screenshot('temporal-ui-encrypted');

    const admin = await devToken({ userId: 'admin.codec-ui', role: 'admin', employmentArea: 'E2E-codec-ui' });
    await page.goto('/codec/session');
    await page.fill('#token', admin);
    await page.getByRole('button', { name: 'Sign in for decoding' }).click();
    await shows(page, 'Signed in');

    await page.goto(workflowPage);
    await shows(page, `"pathId": "${pathId}"`);
    await browser.screenshot('temporal-ui-decoded');
  });
});
