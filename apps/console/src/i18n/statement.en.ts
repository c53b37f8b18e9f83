import type { StatementKey } from './statement.fi';

/** The accessibility statement (Act 306/2019 §15) in English. */
export const STATEMENT_EN: Readonly<Record<StatementKey, string>> = {
  title: 'Accessibility statement',
  intro:
    'This statement covers the Polku staff console. The Act on the Provision of Digital Services (306/2019) requires an authority’s internal services to be accessible too. The console aims at level AA of WCAG 2.1.',
  statusTitle: 'Compliance status',
  statusPartial: 'Polku partially meets level AA of WCAG 2.1: the shortcomings below are known.',
  statusFailing: 'The latest automated audit found the shortcomings listed below. They are fixed before the next release.',
  gapsTitle: 'Content that is not accessible',
  gapSession:
    'Timing adjustable (WCAG 2.2.1): a sign-in ends after eight hours without warning, and unsaved form input is lost. For security reasons the sign-in cannot be extended.',
  gapScreenReader: 'The console has not yet been tested with screen readers (NVDA, JAWS, VoiceOver); its accessibility tree has been checked with the browser.',
  gapServerDetail:
    'The server’s technical details in error messages are in English. The explanation of the error is shown in the chosen language, and the English detail is marked as English so that a screen reader reads it correctly.',
  violationsTitle: 'Findings of the automated audit',
  auditTitle: 'How accessibility was evaluated',
  auditIntro: 'The figures below come from the latest automated audit of this console version. The browser test audits every page in every language.',
  auditNone: 'There are no automated audit results for this console version yet. They are produced when the browser test runs.',
  auditDate: 'Audited',
  auditEngine: 'Tool',
  auditBrowser: 'Browser',
  auditStandard: 'Standard',
  auditPages: 'Pages audited',
  auditLanguages: 'Languages',
  auditRulesPassed: 'Rules passed',
  auditViolations: 'Findings',
  auditIncomplete: 'Rules checked by hand',
  auditKeyboard: 'Keyboard only: from intake to the exit of a path',
  keyboardPassed: 'passed',
  keyboardFailed: 'failed',
  keyboardNotRun: 'not run',
  none: 'none',
  manualTitle: 'Evaluation by hand',
  manual:
    'An automated audit does not find everything. The developers have also checked by hand the focus order and visible focus, how errors and saved changes are announced, the charts’ text alternatives, the content at 320 pixels wide and with text enlarged to 200 %. The evaluation was made on 1 Dec 2026.',
  feedbackTitle: 'Feedback',
  feedback: 'If you find a shortcoming not listed above, tell your employment area’s Polku administrator. We answer within 14 days.',
  enforcementTitle: 'Enforcement',
  enforcement:
    'If you get no answer within two weeks, or the answer does not satisfy you, you can notify the supervisory authority (Lupa- ja valvontavirasto, the Permit and Supervision Agency: supervision of accessibility).',
  enforcementLink: 'webaccessibility.fi',
};
