import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * axe-core, run inside the page on Debian's Chromium. It enters as an init script (the CDP
 * "evaluate on new document"), which the console's CSP (`script-src 'self'`) does not govern:
 * the console is audited under the very policy it is served with, not a relaxed one.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA, and Deque's best practices (landmarks, one h1, …). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly tags: readonly string[];
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

export interface PageAudit {
  readonly page: string;
  readonly lang: string;
  readonly url: string;
  readonly engine: string;
  readonly violations: readonly AxeViolation[];
  /** Rules that passed on this page, by id. */
  readonly passed: readonly string[];
  /** Rules axe could not decide alone ("needs review"), by id: docs/accessibility.md says how each was checked. */
  readonly incomplete: readonly string[];
  /** The elements behind `incomplete`, and why axe could not decide, for the person who checks them. */
  readonly needsReview: readonly { readonly rule: string; readonly target: string; readonly summary: string }[];
}

export async function installAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

interface AxeResults {
  readonly url: string;
  readonly testEngine: { readonly version: string };
  readonly violations: readonly { id: string; impact: string | null; help: string; helpUrl: string; tags: string[]; nodes: { target: unknown[]; failureSummary?: string }[] }[];
  readonly passes: readonly { id: string }[];
  readonly incomplete: readonly { id: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}

/** Audits the page as it is now; `page` names it in the report. */
export async function auditPage(page: Page, name: string): Promise<PageAudit> {
  // A string, not a function: test code is compiled without the DOM's types.
  const options = JSON.stringify({ runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations', 'incomplete'] });
  const results = await page.evaluate<unknown>(`(() => {
    if (!window.axe) throw new Error('axe-core is not in the page: call installAxe before the first navigation');
    return window.axe.run(document, ${options});
  })()`);
  const { url, testEngine, violations, passes, incomplete } = results as AxeResults;
  return {
    page: name,
    lang: await page.evaluate<string>('document.documentElement.lang'),
    url,
    engine: testEngine.version,
    violations: violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      tags: violation.tags,
      nodes: violation.nodes.map((node) => ({ target: node.target.map(String).join(' '), summary: node.failureSummary ?? '' })),
    })),
    passed: passes.map((rule) => rule.id),
    incomplete: incomplete.map((rule) => rule.id),
    needsReview: incomplete.flatMap((rule) => rule.nodes.map((node) => ({ rule: rule.id, target: node.target.map(String).join(' '), summary: node.failureSummary ?? '' }))),
  };
}

/** One line per violated rule and element, for a failure message a person can act on. */
export function describeViolations(audits: readonly PageAudit[]): string {
  return audits
    .flatMap((audit) => audit.violations.flatMap((violation) => violation.nodes.map((node) => `${audit.lang} ${audit.page}: ${violation.id} (${violation.impact}) ${node.target} — ${violation.help}`)))
    .join('\n');
}
