import type { Page } from 'playwright-core';

/**
 * Lets the next request to a URL ending in `urlSuffix` reach the API and be answered, then drops
 * the answer on its way back. The browser sees a network failure for a request the API applied:
 * what a timeout or a dropped connection looks like to the user, and the case a retry must not
 * apply twice. `delivered` is the status the API answered with, once it has answered.
 */
export async function loseNextAnswer(page: Page, urlSuffix: string): Promise<{ readonly delivered: Promise<number> }> {
  let answered: (status: number) => void = () => undefined;
  const delivered = new Promise<number>((resolve) => (answered = resolve));
  await page.route(
    (url) => url.pathname.endsWith(urlSuffix),
    async (route) => {
      const answer = await route.fetch();
      answered(answer.status());
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  return { delivered };
}
