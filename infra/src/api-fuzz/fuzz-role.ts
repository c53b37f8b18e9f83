import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { devToken } from '../local-api';
import { say, warn } from '../log';
import { SCHEMATHESIS } from '../schemathesis';
import { FAILED_RUN, summarise, type RoleResult } from './role-summary';
import { judgeNoRights, NO_RIGHTS, PUBLIC_PATHS } from './no-rights';
import { runBounded } from './run-bounded';
import { REPORT_DIR, WORK_DIR, type FuzzSettings } from './settings';

const REQUEST_TIMEOUT_S = 10;
/** After the time limit: SIGINT (schemathesis stops, prints and reports what it found), then SIGKILL. */
const INTERRUPT_GRACE_MS = (REQUEST_TIMEOUT_S + 15) * 1000;

export interface FuzzOptions {
  /** Arguments passed on to `schemathesis run` (e.g. `--include-path-regex '^/paths'`). */
  readonly extraArgs?: readonly string[];
  /** Show schemathesis's own output here too (it always goes to its log file). */
  readonly echo?: boolean;
}

interface RoleFiles {
  readonly report: string;
  readonly junit: string;
  readonly log: string;
  /** Every request and answer (the no-rights run judges them). */
  readonly har: string;
}

/**
 * One schemathesis run as `role` with a dev token of the area (or, as NO_RIGHTS, with none: then
 * every answer must be a refusal); never throws on a failed run.
 */
export async function fuzzAs(role: string, settings: FuzzSettings, config: string, options: FuzzOptions): Promise<RoleResult> {
  const token: { accessToken?: string; error?: string } = role === NO_RIGHTS ? {} : await devToken(settings.api, { userId: `fuzz.${role}`, role, employmentArea: settings.area });
  if (token.error !== undefined) return { role, ok: false, summary: `${role} ✘ no token: ${token.error}`, totals: FAILED_RUN };
  mkdirSync(WORK_DIR, { recursive: true });
  mkdirSync(REPORT_DIR, { recursive: true });
  const files: RoleFiles = { report: join(REPORT_DIR, `${role}.json`), junit: join(REPORT_DIR, `${role}.junit.xml`), log: join(REPORT_DIR, `${role}.log`), har: join(REPORT_DIR, `${role}.har`) };
  rmSync(files.report, { force: true });
  rmSync(files.har, { force: true });
  say(`schemathesis as ${role}: its output goes to ${files.log}`);
  const begun = Date.now();
  const args = schemathesisArgs(settings, token.accessToken, config, files, options.extraArgs ?? []);
  const outcome = await runBounded(SCHEMATHESIS, args, { cwd: WORK_DIR, timeoutMs: settings.timeoutS * 1000, graceMs: INTERRUPT_GRACE_MS, logPath: files.log, echo: options.echo ?? false });
  const seconds = ((Date.now() - begun) / 1000).toFixed(0);
  if (outcome.stopped !== undefined) {
    warn(`schemathesis as ${role} did not finish within ${settings.timeoutS} s and was ${outcome.stopped} (a hanging request? else raise POLKU_FUZZ_TIMEOUT_S or lower POLKU_FUZZ_MAX_EXAMPLES)`);
  }
  const result = summarise({ role, outcome, reportPath: files.report, logPath: files.log, seconds, timeoutS: settings.timeoutS });
  return role === NO_RIGHTS ? withNoRightsVerdict(result, files.har) : result;
}

/** The run's own verdict, and every answer it got judged: a refusal or a failed test. */
function withNoRightsVerdict(result: RoleResult, harPath: string): RoleResult {
  let verdict: ReturnType<typeof judgeNoRights>;
  try {
    verdict = judgeNoRights(harPath);
  } catch {
    return { ...result, ok: false, summary: `${result.summary}; ✘ no HAR of its answers (${harPath})`, totals: FAILED_RUN };
  }
  const ok = result.ok && verdict.totals.failed === 0 && verdict.totals.passed > 0;
  const judged = verdict.totals.failed === 0 ? `all ${verdict.totals.passed} answers 401/403/404` : `✘ ${verdict.totals.failed} answers told more: ${verdict.offenders.join('; ')}`;
  return { ...result, ok, summary: `${result.summary}; ${judged}`, totals: verdict.totals };
}

function schemathesisArgs(settings: FuzzSettings, token: string | undefined, config: string, files: RoleFiles, extraArgs: readonly string[]): string[] {
  return [
    '--config-file', config,
    'run', settings.openapi,
    '--url', settings.api,
    '--checks', settings.checks,
    '--max-examples', String(settings.maxExamples),
    // Without rights: no token at all, and only the routes that need one.
    ...(token === undefined ? ['--exclude-path-regex', PUBLIC_PATHS] : ['--header', `Authorization: Bearer ${token}`]),
    '--workers', '1',
    // A command answers in well under a second; one that hangs becomes a "Network Error" quickly.
    '--request-timeout', String(REQUEST_TIMEOUT_S),
    '--max-redirects', '0',
    '--no-color',
    '--report', 'json,junit,har',
    '--report-json-path', files.report,
    '--report-junit-path', files.junit,
    '--report-har-path', files.har,
    ...(settings.seed ? ['--seed', settings.seed] : []),
    ...extraArgs,
  ];
}
