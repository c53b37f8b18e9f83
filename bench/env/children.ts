import { join } from 'node:path';
import { messageOf } from '../support/limits';
import { progress } from '../support/progress';
import { ApiProcess } from './api-process';
import { buildBundles, type Bundles } from './bundles';
import { RelayChild } from './relay-child';
import { type WorkerQueue, WorkerProcess } from './worker-process';

export interface ChildNeeds {
  /** The main worker process: ours on the path queue (B1–B3) and the baselines (B1, B3). */
  readonly paths: boolean;
  readonly baseline: boolean;
  /** B7's worker process, holding only B7's paths. */
  readonly openPaths: boolean;
  readonly api: boolean;
  readonly relay: boolean;
}

/** The two worker processes and what each runs. */
export type WorkerName = 'main' | 'open-paths';
const QUEUES: Readonly<Record<WorkerName, readonly WorkerQueue[]>> = { main: ['paths', 'baseline'], 'open-paths': ['open-paths'] };

/**
 * The processes under test, each started once on first use (the set-up starts the ones the
 * selected benchmarks need side by side, so their compile times overlap before anything is
 * measured). A worker that dies is noted in `lost`, which fails the benchmark it happened in.
 */
export class BenchChildren {
  /** Unexpected exits, in order; the suite turns new ones into a failed check. */
  readonly lost: string[] = [];
  private bundles?: Promise<Bundles>;
  private readonly workers = new Map<WorkerName, Promise<WorkerProcess>>();
  private apiProcess?: Promise<ApiProcess>;
  private relayChild?: Promise<RelayChild>;

  constructor(private readonly env: NodeJS.ProcessEnv, private readonly topicPrefix: string, private readonly tmp: string, private readonly logDir: string) {}

  async prepare(needs: ChildNeeds): Promise<void> {
    await Promise.all([
      needs.paths || needs.baseline ? this.worker('main') : undefined,
      needs.openPaths ? this.worker('open-paths') : undefined,
      needs.api ? this.api() : undefined,
      needs.relay ? this.relay() : undefined,
    ]);
  }

  worker(name: WorkerName): Promise<WorkerProcess> {
    const running = this.workers.get(name) ?? this.startWorker(name);
    this.workers.set(name, running);
    return running;
  }

  api(): Promise<ApiProcess> {
    this.apiProcess ??= (progress('starting the API under test'), ApiProcess.start(this.env, join(this.logDir, 'api.log')));
    return this.apiProcess;
  }

  relay(): Promise<RelayChild> {
    this.relayChild ??= (progress('starting the relay under test'), RelayChild.start(this.env, this.topicPrefix, join(this.logDir, 'relay.log')));
    return this.relayChild;
  }

  /** Stops the relay loop; one that does not stop in time is killed, and the next use starts a new process. */
  async stopRelay(): Promise<string | undefined> {
    const relay = await this.relay();
    try {
      await relay.stopRelay();
      return undefined;
    } catch (error) {
      this.relayChild = undefined;
      await relay.close();
      return `the relay did not stop (${messageOf(error)}); its process was killed`;
    }
  }

  async stopAll(): Promise<void> {
    const settled = <T>(child: Promise<T> | undefined, stop: (value: T) => Promise<void>): Promise<void> => (child ? child.then(stop, () => undefined) : Promise.resolve());
    await Promise.all([
      ...[...this.workers.values()].map((worker) => settled(worker, (w) => w.stop())),
      settled(this.apiProcess, (api) => api.stop()),
      settled(this.relayChild, (relay) => relay.close()),
    ]);
    this.workers.clear();
  }

  private startWorker(name: WorkerName): Promise<WorkerProcess> {
    this.bundles ??= (progress('bundling the workflows (ours as apps/worker does, and the baselines)'), buildBundles(this.tmp));
    progress(`starting the ${name} worker (${QUEUES[name].join(', ')})`);
    const logPath = join(this.logDir, `worker-${name}.log`);
    return WorkerProcess.start({
      name,
      queues: QUEUES[name],
      bundles: this.bundles,
      env: this.env,
      logPath,
      onUnexpectedExit: (code, signal) => this.lost.push(`the ${name} worker exited unexpectedly (${code ?? signal}); see ${logPath}`),
    });
  }
}
