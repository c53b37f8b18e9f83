import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * One direction of a proxied connection. Chunks keep their order even when the latency
 * changes mid-stream: each is due no earlier than the one before it.
 */
class DelayedPipe {
  private readonly queue: { at: number; chunk: Buffer }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastAt = 0;
  private ending = false;

  constructor(
    private readonly to: Socket,
    private readonly latencyMs: () => number,
  ) {}

  push(chunk: Buffer): void {
    const delay = this.latencyMs();
    if (delay === 0 && this.queue.length === 0) {
      this.to.write(chunk);
      return;
    }
    this.lastAt = Math.max(Date.now() + delay, this.lastAt);
    this.queue.push({ at: this.lastAt, chunk });
    this.schedule();
  }

  /** The source closed its side: close ours once what is queued has gone out. */
  end(): void {
    this.ending = true;
    if (this.queue.length === 0) this.to.end();
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.length = 0;
  }

  private schedule(): void {
    const first = this.queue[0];
    if (this.timer || !first) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, Math.max(0, first.at - Date.now()));
  }

  private flush(): void {
    for (let next = this.queue[0]; next && next.at <= Date.now(); next = this.queue[0]) {
      this.queue.shift();
      this.to.write(next.chunk);
    }
    if (this.queue.length > 0) this.schedule();
    else if (this.ending) this.to.end();
  }
}

interface Link {
  readonly client: Socket;
  readonly upstream: Socket;
  readonly pipes: readonly DelayedPipe[];
}

/**
 * A loopback TCP proxy for the chaos run's slow and cut links (F5), in front of PostgreSQL and
 * Kafka. Transparent until told otherwise; then it delays every chunk both ways, cuts every open
 * connection with a reset, and refuses new connections (its listener closes) until healed.
 */
export class TcpProxy {
  private server: Server | undefined;
  private latency = 0;
  private readonly links = new Set<Link>();
  readonly stats = { accepted: 0, cut: 0 };

  constructor(
    readonly name: string,
    readonly host: string,
    readonly listenPort: number,
    readonly targetPort: number,
  ) {}

  get refusing(): boolean {
    return this.server === undefined;
  }

  get open(): number {
    return this.links.size;
  }

  /** Starts listening (again, after `refuse`). */
  async listen(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenPort, this.host, () => resolve());
    });
    this.server = server;
  }

  /** Every chunk, both ways, arrives this much later (0: none). */
  setLatency(ms: number): void {
    this.latency = ms;
  }

  /** Resets every open connection; answers how many were cut. */
  cutAll(): number {
    const count = this.links.size;
    for (const link of [...this.links]) this.drop(link, true);
    this.stats.cut += count;
    return count;
  }

  /** New connections are refused (connection refused) until `listen` again. */
  async refuse(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Back to a transparent link: no latency, accepting. Open connections stay as they are. */
  async heal(): Promise<void> {
    this.latency = 0;
    await this.listen();
  }

  async close(): Promise<void> {
    this.cutAll();
    await this.refuse();
  }

  private accept(client: Socket): void {
    this.stats.accepted++;
    const upstream = connect({ host: this.host, port: this.targetPort });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const latency = (): number => this.latency;
    const link: Link = { client, upstream, pipes: [new DelayedPipe(upstream, latency), new DelayedPipe(client, latency)] };
    const [toUpstream, toClient] = link.pipes as [DelayedPipe, DelayedPipe];
    this.links.add(link);
    client.on('data', (chunk: Buffer) => toUpstream.push(chunk));
    upstream.on('data', (chunk: Buffer) => toClient.push(chunk));
    client.on('end', () => toUpstream.end());
    upstream.on('end', () => toClient.end());
    for (const socket of [client, upstream]) {
      socket.on('error', () => this.drop(link, false));
      socket.on('close', () => this.drop(link, false));
    }
  }

  private drop(link: Link, reset: boolean): void {
    if (!this.links.delete(link)) return;
    for (const pipe of link.pipes) pipe.clear();
    for (const socket of [link.client, link.upstream]) {
      if (reset) socket.resetAndDestroy();
      else socket.destroy();
    }
  }
}
