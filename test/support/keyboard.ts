import { eventually } from '@polku/testing';
import type { Page } from 'playwright-core';

/** What has the focus: its test id, else its tag and text, so a failure shows where focus went. */
export async function focused(page: Page): Promise<string> {
  // A string, not a function: this file is compiled without the DOM's types, like all test code.
  return page.evaluate<string>(`(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '(body)';
    return element.getAttribute('data-testid') ?? element.tagName.toLowerCase() + ' "' + (element.textContent ?? '').trim().slice(0, 40) + '"';
  })()`);
}

/**
 * Presses Tab (Shift+Tab with `back`) until the element with the test id has the focus, and
 * answers the stops on the way. Fails past `max` presses: the element is not reachable, or the
 * focus is trapped (WCAG 2.1.1, 2.1.2).
 */
export async function tabTo(page: Page, testId: string, { back = false, max = 40 } = {}): Promise<readonly string[]> {
  const stops: string[] = [];
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    stops.push(now);
    if (now === testId) return stops;
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${testId} in ${max} presses: ${stops.join(' → ')}`);
}

/**
 * Waits until the focus is on the element with the test id (focus moves after a render). Polled
 * from here: waitForFunction evaluates a string in the page, which the console's CSP forbids.
 */
export async function expectFocusOn(page: Page, testId: string, timeoutMs = 10_000): Promise<void> {
  let last = '';
  await eventually(
    async () => {
      last = await focused(page);
      return last === testId ? true : undefined;
    },
    { timeoutMs, intervalMs: 50, what: `the focus on ${testId}` },
  ).catch(() => {
    throw new Error(`the focus is on ${last}, not ${testId}`);
  });
}

/** Replaces a text field's content by typing, as a keyboard user would (select all, type). */
export async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Presses a key until the focused select shows the value: arrow keys change a closed select. */
export async function arrowToOption(page: Page, testId: string, value: string, key: 'ArrowDown' | 'ArrowUp' = 'ArrowDown', max = 15): Promise<void> {
  const select = page.getByTestId(testId);
  for (let presses = 0; presses < max && (await select.inputValue()) !== value; presses++) await page.keyboard.press(key);
  const shown = await select.inputValue();
  if (shown !== value) throw new Error(`${key} never selected ${value} in ${testId} (it shows ${shown})`);
}
