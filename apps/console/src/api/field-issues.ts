import type { ApiErrorBody } from '@polku/contracts';

export interface IssueSplit {
  /** Messages by the form field they belong to. */
  readonly byField: Readonly<Record<string, readonly string[]>>;
  /** Issues no field of the form owns (shown with the top-level message). */
  readonly unplaced: readonly string[];
}

/**
 * Places each `issues[].path` on the form field that owns it: the exact name, else the longest
 * field name that is a prefix (`employmentPlan.goals.0` → `employmentPlan.goals`). `aliases`
 * names issue paths a field answers for under another name (`about.trialId` → `about.id`).
 */
export function splitIssues(error: ApiErrorBody | null, fieldNames: readonly string[], aliases: Readonly<Record<string, string>> = {}): IssueSplit {
  const byField: Record<string, string[]> = {};
  const unplaced: string[] = [];
  const owners = [...fieldNames, ...Object.keys(aliases)];
  for (const issue of error?.issues ?? []) {
    const found = ownerOf(issue.path, owners);
    const owner = found === undefined ? undefined : (aliases[found] ?? found);
    if (owner === undefined) unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    else (byField[owner] ??= []).push(issue.message);
  }
  return { byField, unplaced };
}

function ownerOf(path: string, fieldNames: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const name of fieldNames) {
    const owns = path === name || path.startsWith(`${name}.`);
    if (owns && (best === undefined || name.length > best.length)) best = name;
  }
  return best;
}
