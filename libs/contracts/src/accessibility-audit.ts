/**
 * The automated accessibility audit's report: the browser test (test/support/audit-report.ts)
 * writes it into the console build it audited as `/accessibility-audit.json`, and the console's
 * accessibility statement reads it from there (apps/console/src/accessibility/audit-report.ts).
 */
export const ACCESSIBILITY_AUDIT_FILE = 'accessibility-audit.json';

export type KeyboardResult = 'passed' | 'failed' | 'not-run';

export interface AuditViolation {
  readonly rule: string;
  readonly help: string;
  /** Where it was found: `<lang> <page>`. */
  readonly where: readonly string[];
}

export interface AuditReport {
  readonly auditedAt: string;
  readonly engine: string;
  readonly browser: string;
  readonly standard: string;
  readonly languages: readonly string[];
  /** Page ids (`sign-in`, `path`, …) audited in every language. */
  readonly pages: readonly string[];
  readonly rulesPassed: readonly string[];
  readonly violations: readonly AuditViolation[];
  /** Rules axe could not decide alone; docs/accessibility.md says how each was checked by hand. */
  readonly incomplete: readonly string[];
  readonly keyboardPath: KeyboardResult;
}
