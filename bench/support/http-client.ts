import { Agent, request } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);
/** Bodies kept from a non-2xx answer: enough for its error code. */
const ERROR_BODY_CHARS = 300;

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body of a non-2xx answer (for its error code); empty for a 2xx one. */
  readonly body: string;
}

/**
 * A keep-alive HTTP client for one loopback API: one socket per concurrent user, as a browser
 * would hold, and nothing parsed that the measurement does not need.
 */
export class HttpClient {
  private readonly agent: Agent;
  private readonly url: URL;

  constructor(base: string, sockets: number) {
    this.url = new URL(base);
    if (!LOOPBACK.has(this.url.hostname)) throw new Error(`the benchmark talks to loopback only, not ${base}`);
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  post(path: string, body: unknown, headers: Readonly<Record<string, string>>): Promise<Answer> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        { host: this.url.hostname, port: this.url.port, path, method: 'POST', agent: this.agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
        (incoming) => {
          const ok = (incoming.statusCode ?? 0) >= 200 && (incoming.statusCode ?? 0) < 300;
          let text = '';
          incoming.on('data', (chunk: Buffer) => void (!ok && text.length < ERROR_BODY_CHARS && (text += chunk.toString())));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text.slice(0, ERROR_BODY_CHARS) }));
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
