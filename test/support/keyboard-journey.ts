import type { Page } from 'playwright-core';
import { arrowToOption, expectFocusOn, focused, retype, tabTo } from './keyboard';
import { identityCode } from './staff-api';

// The steps of the console's keyboard-only journey (test/e2e/console-a11y.e2e.spec.ts): keys only,
// and after each step an assertion of where the focus is.

/** From a cleared browser: the skip link is the first Tab stop, Svenska is chosen and survives a reload. */
export async function chooseSwedishByKeyboard(page: Page): Promise<void> {
  await page.goto('/#/sign-in');
  await page.evaluate('localStorage.clear(); sessionStorage.clear()');
  await page.reload();
  await page.getByTestId('page-sign-in').waitFor();
  // WCAG 2.4.1: the first stop skips the navigation.
  expect(await tabTo(page, 'skip-link', { max: 1 })).toEqual(['skip-link']);
  await tabTo(page, 'lang-sv');
  await page.keyboard.press('Enter');
  await page.locator('html[lang="sv"]').waitFor({ state: 'attached' });
  expect(await focused(page)).toBe('lang-sv');
  await page.reload();
  expect(await page.getByTestId('page-heading').textContent()).toBe('Inloggning (utveckling)');
}

/** The role by arrow keys, the area and user typed, Enter: the focus lands on the home page's heading. */
export async function signInByKeyboard(page: Page, area: string, userId: string): Promise<void> {
  await tabTo(page, 'sign-in-role');
  await arrowToOption(page, 'sign-in-role', 'intake', 'ArrowUp');
  await arrowToOption(page, 'sign-in-role', 'coach', 'ArrowDown');
  await tabTo(page, 'sign-in-employmentArea', { max: 1 });
  await retype(page, area);
  await tabTo(page, 'sign-in-userId', { max: 1 });
  await retype(page, userId);
  await page.keyboard.press('Enter');
  await page.getByTestId('page-caseload').waitFor();
  await expectFocusOn(page, 'page-heading');
}

/**
 * Back to the nav, intake, a wrong check character sent with Space: the focus must land on the
 * refused field, which names its Swedish message through aria-describedby (WCAG 3.3.1). Fixed,
 * Enter: the path's page, its heading focused. Answers the path id.
 */
export async function registerByKeyboard(page: Page, municipality: string, whenRefused: () => Promise<unknown>): Promise<string> {
  await tabTo(page, 'nav-intake', { back: true });
  await page.keyboard.press('Enter');
  await page.getByTestId('page-intake').waitFor();
  await expectFocusOn(page, 'page-heading');
  const code = identityCode();
  await tabTo(page, 'intake-identityCode', { max: 3 });
  await page.keyboard.type(`${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`);
  await tabTo(page, 'intake-municipality', { max: 1 });
  await page.keyboard.type(municipality);
  await tabTo(page, 'intake-referralSource');
  await arrowToOption(page, 'intake-referralSource', 'SELF_REGISTRATION');
  await tabTo(page, 'intake-submit', { max: 1 });
  await page.keyboard.press('Space');
  await expectFocusOn(page, 'intake-identityCode');
  const field = page.getByTestId('intake-identityCode');
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`).textContent()).toContain('Personbeteckningen är ogiltig.');
  await whenRefused();
  await retype(page, code);
  await page.keyboard.press('Enter');
  await page.getByTestId('page-path').waitFor();
  await expectFocusOn(page, 'page-heading');
  return new URL(page.url()).hash.replace('#/paths/', '');
}

/**
 * Opens a command with the keyboard (Enter, or Space, on its summary), fills it, sends it with
 * Enter on Save, and checks the focus lands on the announcement of what was saved.
 */
export async function sendCommand(page: Page, command: string, fill: () => Promise<void>, openWith: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, `command-${command}-open`);
  await page.keyboard.press(openWith);
  await page.locator(`[data-testid="command-${command}"][open]`).waitFor();
  await fill();
  await tabTo(page, `${command}-submit`);
  const answer = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith(`/${command}`));
  await page.keyboard.press('Enter');
  const response = await answer;
  // The body names what was refused, should it be.
  expect(`${response.status()} ${await response.text()}`).toMatch(/^200 /);
  await expectFocusOn(page, 'path-saved');
  expect(await page.getByTestId('path-saved').getAttribute('data-command')).toBe(command);
}
