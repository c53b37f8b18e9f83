import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { devToken, errorCodeOf, postJson } from '../local-api';
import { IdentityCodes } from '../synthetic-identity-codes';
import { WORK_DIR } from './settings';

export interface Seeded {
  readonly pathIds: readonly string[];
  readonly clientReferences: readonly string[];
  readonly note: string;
}

/** Starts `count` paths as a coach of the area, each for a new client; never throws. */
export async function seedPaths(api: string, area: string, count: number): Promise<Seeded> {
  const pathIds: string[] = [];
  const clientReferences: string[] = [];
  const failures = new Map<string, number>();
  if (count === 0) return { pathIds, clientReferences, note: 'no seeded paths (POLKU_FUZZ_PATHS=0)' };
  const token = await devToken(api, { userId: 'fuzz.coach', role: 'coach', employmentArea: area });
  if (token.error !== undefined) return { pathIds, clientReferences, note: `no seeded paths: ${token.error}` };
  const codes = new IdentityCodes();
  for (let i = 0; i < count; i++) {
    const started = await startPath(api, token.accessToken, codes.take());
    if (typeof started === 'string') failures.set(started, (failures.get(started) ?? 0) + 1);
    else {
      pathIds.push(started.pathId);
      if (started.clientReference !== undefined) clientReferences.push(started.clientReference);
    }
  }
  const failed = [...failures].map(([key, n]) => `${key} ×${n}`).join(', ');
  return { pathIds, clientReferences, note: `seeded ${pathIds.length}/${count} paths${failed ? ` (POST /paths: ${failed})` : ''}` };
}

/** A path for a new client, or why it did not start. */
async function startPath(api: string, token: string, identityCode: string): Promise<{ pathId: string; clientReference?: string } | string> {
  try {
    const body = { identityCode, municipality: 'Hattula', coachId: 'fuzz.coach', referralSource: 'SELF_REGISTRATION' };
    const answer = await postJson(api, '/paths', body, { token });
    const started = answer.body as { pathId?: unknown; clientReference?: unknown } | undefined;
    if (answer.status !== 201 || typeof started?.pathId !== 'string') return `${answer.status} ${errorCodeOf(answer.body)}`.trim();
    return { pathId: started.pathId, ...(typeof started.clientReference === 'string' ? { clientReference: started.clientReference } : {}) };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The run's schemathesis.toml: most `pathId` / `clientReference` values come from the seeded
 * paths, the rest are generated. No secrets in it (the token goes in a header argument).
 */
export function writeConfig(seeded: Seeded): string {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = join(WORK_DIR, 'schemathesis.toml');
  const lines = ['# Written by infra/src/api-fuzz/seed-paths.ts for each run.'];
  const bind = (parameter: string, dictionary: string, values: readonly string[]): void => {
    if (values.length === 0) return;
    lines.push(`dictionaries.${dictionary}.values = ${JSON.stringify(values)}`, `parameters.${parameter} = { dictionary = "${dictionary}", probability = 0.8 }`);
  };
  bind('pathId', 'paths', seeded.pathIds);
  bind('clientReference', 'clients', seeded.clientReferences);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
