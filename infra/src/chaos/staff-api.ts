import { HOST, Ports } from '../layout';
import { devToken, errorCodeOf } from '../local-api';
import { errorText, hold } from './bounded';

/** One HTTP attempt may take this long before the client gives up on it and retries. */
const ATTEMPT_TIMEOUT_MS = 15_000;
/** Like a real client: a bounded number of retries with the same Idempotency-Key, backing off. */
const MAX_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 5_000;

export const CHAOS_COACH = 'chaos.coach';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export interface KeyedOutcome {
  /** The last answer's status, or 0 when the last attempt got none (timeout, refused). */
  readonly status: number;
  readonly acked: boolean;
  readonly attempts: number;
  readonly body: unknown;
  /** Why the last attempt failed, when it did: status and code, or the network error. */
  readonly failure?: string;
}

/** A coach of one employment area, talking to the chaos stack's API. */
export class StaffApi {
  readonly base = `http://${HOST}:${Ports.api}`;

  private constructor(
    readonly employmentArea: string,
    private readonly token: string,
  ) {}

  static async signIn(employmentArea: string): Promise<StaffApi> {
    const token = await devToken(`http://${HOST}:${Ports.api}`, { userId: CHAOS_COACH, role: 'coach', employmentArea });
    if (token.error !== undefined) throw new Error(token.error);
    return new StaffApi(employmentArea, token.accessToken);
  }

  async request(method: 'GET' | 'POST', path: string, body?: unknown, key?: string): Promise<Answer> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(key ? { 'idempotency-key': key } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  }

  /**
   * POSTs under `key`, retrying what a real client retries — no answer, 5xx, 409 (in
   * progress, conflict) — with the same key. Other 4xx are final. Never throws.
   */
  async sendKeyed(path: string, body: unknown, key: string, signal: AbortSignal): Promise<KeyedOutcome> {
    let last: KeyedOutcome = { status: 0, acked: false, attempts: 0, body: undefined, failure: 'not sent' };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && !signal.aborted; attempt++) {
      last = await this.attempt(path, body, key, attempt);
      if (last.acked || !retriable(last.status)) return last;
      await hold(Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1)), signal);
    }
    return last;
  }

  private async attempt(path: string, body: unknown, key: string, attempts: number): Promise<KeyedOutcome> {
    try {
      const answer = await this.request('POST', path, body, key);
      const acked = answer.status >= 200 && answer.status < 300;
      return { status: answer.status, acked, attempts, body: answer.body, ...(acked ? {} : { failure: `${answer.status} ${errorCodeOf(answer.body)}`.trim() }) };
    } catch (error) {
      return { status: 0, acked: false, attempts, body: undefined, failure: errorText(error) };
    }
  }
}

function retriable(status: number): boolean {
  return status === 0 || status === 409 || status >= 500;
}
