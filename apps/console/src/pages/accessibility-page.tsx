import { parseAuditReport, type AuditReport } from '../accessibility/audit-report';
import { LANG_NAMES, parseLang } from '../i18n/dictionary';
import { formatInstant } from '../i18n/format';
import type { StatementKey } from '../i18n/statement.fi';
import type { UiKey } from '../i18n/ui.fi';
import { useI18n } from '../shell/i18n-context';
import { PageHeading } from '../shell/page-heading';
import { useSession } from '../shell/session-context';
import { useLoad } from '../shell/use-load';

const GAPS: readonly StatementKey[] = ['gapSession', 'gapScreenReader', 'gapServerDetail'];
const SUPERVISOR: Readonly<Record<string, string>> = { fi: 'https://www.saavutettavuusvaatimukset.fi', sv: 'https://www.tillganglighetskrav.fi', en: 'https://www.webaccessibility.fi' };

/**
 * The accessibility statement (Act 306/2019 §15): the known gaps and how the console was
 * evaluated, the figures read from the last automated audit of this very build.
 */
export function AccessibilityPage() {
  const { dict, lang } = useI18n();
  const { api } = useSession();
  const { loaded } = useLoad(() => api.accessibilityAudit(), 'accessibility-audit');
  const s = dict.statement;
  const report = loaded.state === 'ok' ? parseAuditReport(loaded.data) : null;
  return (
    <section className="page statement" data-testid="page-accessibility">
      <PageHeading>{s.title}</PageHeading>
      <p>{s.intro}</p>
      <h2>{s.statusTitle}</h2>
      <p data-testid="statement-status">{report && report.violations.length > 0 ? s.statusFailing : s.statusPartial}</p>
      <h2>{s.gapsTitle}</h2>
      <ul>
        {GAPS.map((gap) => (
          <li key={gap}>{s[gap]}</li>
        ))}
      </ul>
      {report && report.violations.length > 0 && <Violations report={report} />}
      <h2>{s.auditTitle}</h2>
      {loaded.state === 'loading' ? null : report ? <AuditFacts report={report} /> : <p data-testid="statement-no-audit">{s.auditNone}</p>}
      <h2>{s.manualTitle}</h2>
      <p>{s.manual}</p>
      <h2>{s.feedbackTitle}</h2>
      <p>{s.feedback}</p>
      <h2>{s.enforcementTitle}</h2>
      <p>
        {s.enforcement} <a href={SUPERVISOR[lang]}>{s.enforcementLink}</a>
      </p>
    </section>
  );
}

function Violations({ report }: { readonly report: AuditReport }) {
  const { dict } = useI18n();
  return (
    <>
      <h3>{dict.statement.violationsTitle}</h3>
      <ul data-testid="statement-violations">
        {report.violations.map((violation) => (
          <li key={violation.rule}>
            <code>{violation.rule}</code> <span lang="en">{violation.help}</span> ({violation.where.join(', ')})
          </li>
        ))}
      </ul>
    </>
  );
}

const PAGE_NAMES: Readonly<Record<string, UiKey>> = {
  'sign-in': 'signInTitle',
  caseload: 'caseloadMine',
  'caseload-all': 'caseloadAll',
  intake: 'navIntake',
  path: 'pathTitle',
  notifications: 'navNotifications',
  kpis: 'navKpis',
  accessibility: 'navAccessibility',
};

function AuditFacts({ report }: { readonly report: AuditReport }) {
  const { dict, t, lang } = useI18n();
  const s = dict.statement;
  const none = s.none;
  const keyboard = { passed: s.keyboardPassed, failed: s.keyboardFailed, 'not-run': s.keyboardNotRun }[report.keyboardPath];
  const facts: readonly (readonly [string, string, string])[] = [
    ['date', s.auditDate, formatInstant(report.auditedAt, lang)],
    ['engine', s.auditEngine, report.engine],
    ['browser', s.auditBrowser, report.browser],
    ['standard', s.auditStandard, report.standard],
    ['pages', s.auditPages, report.pages.map((page) => (PAGE_NAMES[page] ? t(PAGE_NAMES[page]) : page)).join(', ')],
    ['languages', s.auditLanguages, report.languages.map((code) => LANG_NAMES[parseLang(code)]).join(', ')],
    ['passed', s.auditRulesPassed, String(report.rulesPassed.length)],
    ['violations', s.auditViolations, report.violations.length === 0 ? none : String(report.violations.length)],
    ['incomplete', s.auditIncomplete, report.incomplete.length === 0 ? none : report.incomplete.join(', ')],
    ['keyboard', s.auditKeyboard, keyboard],
  ];
  return (
    <>
      <p>{s.auditIntro}</p>
      <dl className="audit-facts" data-testid="statement-audit">
        {facts.map(([key, label, value]) => (
          <div key={key} data-fact={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
