import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESSIBILITY_AUDIT_FILE as AUDIT_FILE, type AuditReport, type KeyboardResult } from '@polku/contracts';
import type { PageAudit } from './axe-audit';
import { SCREENSHOT_DIR } from './browser';

const ROOT = join(__dirname, '..', '..');
/** The build the API serves and the audit just ran against: the statement reads its report there. */
const CONSOLE_DIST = join(ROOT, 'dist', 'apps', 'console');

const unique = (values: readonly string[]) => [...new Set(values)];

/** Every page audit of a run folded into one report: a rule counts as passed only where it never failed. */
export function auditReport(audits: readonly PageAudit[], keyboardPath: KeyboardResult, browser: string, auditedAt: Date): AuditReport {
  const violated = unique(audits.flatMap((audit) => audit.violations.map((violation) => violation.id)));
  return {
    auditedAt: auditedAt.toISOString(),
    engine: `axe-core ${audits[0]?.engine ?? '?'}`,
    browser,
    standard: 'WCAG 2.1 AA',
    languages: unique(audits.map((audit) => audit.lang)),
    pages: unique(audits.map((audit) => audit.page)),
    rulesPassed: unique(audits.flatMap((audit) => audit.passed)).filter((rule) => !violated.includes(rule)).sort(),
    violations: violated.map((rule) => {
      const found = audits.filter((audit) => audit.violations.some((violation) => violation.id === rule));
      const help = found[0]?.violations.find((violation) => violation.id === rule)?.help ?? rule;
      return { rule, help, where: found.map((audit) => `${audit.lang} ${audit.page}`) };
    }),
    incomplete: unique(audits.flatMap((audit) => audit.incomplete)).sort(),
    keyboardPath,
  };
}

/**
 * Writes the report into the console build the API serves (the statement page shows it) and,
 * with every page's full axe results, next to the screenshots. A rebuild empties the build
 * folder, so a statement never shows the figures of another build.
 */
export function writeAuditReport(report: AuditReport, audits: readonly PageAudit[]): readonly string[] {
  const artifacts = join(SCREENSHOT_DIR, '..');
  mkdirSync(artifacts, { recursive: true });
  const written = [join(artifacts, AUDIT_FILE), join(artifacts, 'accessibility-audit-pages.json')];
  writeFileSync(written[0] as string, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(written[1] as string, `${JSON.stringify(audits, null, 2)}\n`);
  if (!existsSync(CONSOLE_DIST)) return written;
  writeFileSync(join(CONSOLE_DIST, AUDIT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  return [...written, join(CONSOLE_DIST, AUDIT_FILE)];
}
