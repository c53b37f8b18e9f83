import { randomInt } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { formatPersonalIdentityCode, type CenturySign } from '@polku/domain';

const config = loadConfig();
export const API = `http://${config.api.host}:${config.api.port}`;

export type Role = 'intake' | 'coach' | 'wellbeing' | 'manager' | 'admin';

export interface Staff {
  readonly userId: string;
  readonly role: Role;
  readonly employmentArea: string;
}

export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

const SIGNS_BY_CENTURY: Readonly<Record<1900 | 2000, readonly CenturySign[]>> = { 1900: ['-', 'Y', 'X', 'W', 'V', 'U'], 2000: ['A', 'B', 'C', 'D', 'E', 'F'] };

/**
 * A valid personal identity code nobody else in the run has (random date, sign and individual
 * number): tests never use a real person's code.
 */
export function identityCode(): string {
  const century = randomInt(2) === 0 ? 1900 : 2000;
  const year = century + (century === 1900 ? randomInt(50, 100) : randomInt(0, 10));
  const birthDate = `${year}-${pad(randomInt(1, 13))}-${pad(randomInt(1, 29))}`;
  const signs = SIGNS_BY_CENTURY[century];
  return formatPersonalIdentityCode({ birthDate, individualNumber: randomInt(2, 900), sign: signs[randomInt(signs.length)] ?? '-' });
}

const pad = (value: number) => String(value).padStart(2, '0');

export async function call<T = Record<string, unknown>>(method: string, path: string, options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${API}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
  const text = await response.text();
  return { status: response.status, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T, headers: response.headers };
}

/** A token from the API's local dev issuer. */
export async function devToken(staff: Staff): Promise<string> {
  const answer = await call<{ accessToken: string }>('POST', '/dev-issuer/token', { body: staff });
  if (answer.status !== 200) throw new Error(`dev token: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken;
}

export interface StartedPathAnswer {
  readonly pathId: string;
  readonly clientReference: string;
  readonly identity: { status: string; masked?: string };
  readonly path: { status: string; stage: string; version: number; pendingItems: { rule: string; kind: string; itemId: string }[] } & Record<string, unknown>;
  readonly allowedCommands: string[];
}

export async function startPath(token: string, body: Record<string, unknown> = {}): Promise<StartedPathAnswer> {
  const answer = await call<StartedPathAnswer>('POST', '/paths', { token, body: { identityCode: identityCode(), municipality: 'Tampere', coachId: 'coach.e2e', ...body } });
  if (answer.status !== 201) throw new Error(`start path: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
