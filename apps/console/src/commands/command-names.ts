/** The commands of docs/staff-api.md, as they appear in `allowedCommands` and the URL. */
export const COMMAND_NAMES = [
  'hold-initial-interview',
  'record-employment-plan',
  'start-assessment',
  'record-assessment',
  'refer-to-wellbeing-service',
  'start-work-trial',
  'extend-work-trial',
  'end-work-trial',
  'start-wage-subsidy',
  'end-wage-subsidy',
  'start-side-service',
  'end-side-service',
  'record-rehabilitative-work-days',
  'record-report',
  'hold-job-search-discussion',
  'pause',
  'resume',
  'reassign-coach',
  'exit',
  'record-follow-up',
  'reopen',
  'record-consent',
  'withdraw-consent',
  'migrate-policy',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export function isCommandName(value: string): value is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(value);
}

/** The allowed commands the console has a form for, in the server's order; unknown ones are reported apart. */
export function knownCommands(allowed: readonly string[]): { readonly known: readonly CommandName[]; readonly unknown: readonly string[] } {
  return { known: allowed.filter(isCommandName), unknown: allowed.filter((name) => !isCommandName(name)) };
}
