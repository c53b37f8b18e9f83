import type { AuditReport, AuditViolation } from '@polku/contracts';

/**
 * The last automated accessibility audit of this console build, as the browser test wrote it
 * (test/support/audit-report.ts) into the build it audited: `/accessibility-audit.json`. A new
 * build starts without one, so the statement never shows figures from another build.
 */
export type { AuditReport, AuditViolation } from '@polku/contracts';

const strings = (value: unknown): readonly string[] | null => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null);

function violationOf(value: unknown): AuditViolation | null {
  const { rule, help, where } = (value ?? {}) as Record<string, unknown>;
  const places = strings(where);
  return typeof rule === 'string' && typeof help === 'string' && places ? { rule, help, where: places } : null;
}

/** The report, or null when the file is missing or not one: the statement then says so. */
export function parseAuditReport(value: unknown): AuditReport | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  const [languages, pages, rulesPassed, incomplete] = [raw['languages'], raw['pages'], raw['rulesPassed'], raw['incomplete']].map(strings);
  const violations = Array.isArray(raw['violations']) ? raw['violations'].map(violationOf) : null;
  const { auditedAt, engine, browser, standard, keyboardPath } = raw;
  if (!languages || !pages || !rulesPassed || !incomplete || !violations || violations.some((item) => item === null)) return null;
  if (typeof auditedAt !== 'string' || typeof engine !== 'string' || typeof browser !== 'string' || typeof standard !== 'string') return null;
  if (keyboardPath !== 'passed' && keyboardPath !== 'failed' && keyboardPath !== 'not-run') return null;
  return { auditedAt, engine, browser, standard, languages, pages, rulesPassed, incomplete, violations: violations as AuditViolation[], keyboardPath };
}
