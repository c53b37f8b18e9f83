import { eventually } from '@polku/testing';
import type { Page } from 'playwright-core';

/** 320 CSS px: a 1280 px wide window zoomed to 400 % (WCAG 1.4.10 Reflow). */
const NARROW = { width: 320, height: 800 };

/**
 * Checks the page as it is now fits 320 px without scrolling sideways (a data table may scroll
 * in its own box), then restores the viewport. Axe cannot check reflow: it never resizes.
 */
export async function expectReflow(page: Page, name: string): Promise<void> {
  const wide = page.viewportSize() ?? { width: 1366, height: 900 };
  let width = 0;
  await page.setViewportSize(NARROW);
  try {
    await eventually(
      async () => {
        width = await page.evaluate<number>('document.documentElement.scrollWidth');
        return width <= NARROW.width ? true : undefined;
      },
      { timeoutMs: 5_000, intervalMs: 100, what: `${name} to fit ${NARROW.width} px` },
    ).catch(() => {
      throw new Error(`${name} is ${width} px wide at ${NARROW.width} px: it scrolls sideways (WCAG 1.4.10)`);
    });
  } finally {
    await page.setViewportSize(wide);
  }
}
