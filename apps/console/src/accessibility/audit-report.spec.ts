import { parseAuditReport } from './audit-report';

const report = {
  auditedAt: '2026-12-01T15:00:00.000Z',
  engine: 'axe-core 4.14.1',
  browser: 'Chromium 156',
  standard: 'WCAG 2.1 AA',
  languages: ['fi', 'sv', 'en'],
  pages: ['sign-in', 'path'],
  rulesPassed: ['label', 'color-contrast'],
  violations: [{ rule: 'label', help: 'Form elements must have labels', where: ['sv path'] }],
  incomplete: [],
  keyboardPath: 'passed',
};

describe('parseAuditReport', () => {
  it('reads the report the browser test writes', () => {
    expect(parseAuditReport(report)).toEqual(report);
  });

  it.each([
    ['nothing', undefined],
    ['an error answer', { code: 'ROUTE.NOT_FOUND', message: 'no' }],
    ['a violation without its places', { ...report, violations: [{ rule: 'label', help: 'x' }] }],
    ['an unknown keyboard result', { ...report, keyboardPath: 'maybe' }],
    ['a date that is not text', { ...report, auditedAt: 20261201 }],
  ])('is null for %s, so the statement says there are no results', (_label, value) => {
    expect(parseAuditReport(value)).toBeNull();
  });
});
