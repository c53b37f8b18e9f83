import { fork, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, stopChild } from './stop-child';

const SAMPLE_EVERY_MS = 200;
const READY_WITHIN_MS = 120_000;
const STOP_WITHIN_MS = 20_000;
/** USER_HZ: /proc/<pid>/stat counts CPU time in these ticks on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;
const KIB_PER_MIB = 1_024;

/** What a worker runs: ours on the path queue or B7's, or the baselines. */
export type WorkerQueue = 'paths' | 'open-paths' | 'baseline';

export interface PhaseUsage {
  /** Peak sampled RSS, MiB. */
  readonly peakMib: number;
  /** Worker CPU time (user + system), seconds. */
  readonly cpuSeconds: number;
}

export interface WorkerProcessOptions {
  /** Named in progress lines and errors. */
  readonly name: string;
  readonly queues: readonly WorkerQueue[];
  /** The workflow bundles' files, when built: the process compiles and connects meanwhile. */
  readonly bundles: Promise<{ readonly paths: string; readonly baseline: string }>;
  /** The run's environment (its database and namespace). */
  readonly env: NodeJS.ProcessEnv;
  readonly logPath: string;
  /** Called if the worker exits before `stop()`. */
  readonly onUnexpectedExit: (code: number | null, signal: string | null) => void;
}

/** `env/worker.ts` in a child process, its resident memory and CPU time sampled from /proc. */
export class WorkerProcess {
  private peakSampledKib = 0;
  private phasePeakKib = 0;
  private hwmKib = 0;
  private cpuTicks = 0;
  private phaseStartTicks = 0;
  private stopping = false;
  /** The worker's effective settings, as it reported them when ready. */
  settings = '';
  private readonly sampler: NodeJS.Timeout;

  private constructor(private readonly child: ChildProcess, private readonly logFd: number) {
    this.sampler = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
  }

  static async start(options: WorkerProcessOptions): Promise<WorkerProcess> {
    const logFd = openSync(options.logPath, 'a');
    const child = fork(join(__dirname, 'worker.ts'), [], {
      execArgv: ['-r', '@swc-node/register'],
      env: { ...options.env, BENCH_WORKER_QUEUES: options.queues.join(',') },
      stdio: ['ignore', logFd, logFd, 'ipc'],
    });
    const worker = new WorkerProcess(child, logFd);
    const bundled = options.bundles.then((bundles) => void child.send({ type: 'bundles', ...bundles }));
    await new Promise<void>((resolve, reject) => {
      bundled.catch(reject);
      const timer = setTimeout(() => reject(new Error(`${options.name} worker not ready within ${READY_WITHIN_MS / 1000} s; see ${options.logPath}`)), READY_WITHIN_MS);
      child.once('message', (message: { settings?: string }) => {
        clearTimeout(timer);
        worker.settings = message.settings ?? '';
        resolve();
      });
      child.once('exit', (code, signal) => (clearTimeout(timer), reject(new Error(`${options.name} worker exited during start-up (${code ?? signal}); see ${options.logPath}`))));
    }).catch(async (error: unknown) => {
      await worker.stop();
      throw error;
    });
    child.on('exit', (code, signal) => {
      if (!worker.stopping) options.onUnexpectedExit(code, signal);
    });
    return worker;
  }

  /** Peak RSS in MiB since start: the kernel's high-water mark, or the sampled peak if higher. */
  peakMib(): number {
    this.sample();
    return Math.max(this.hwmKib, this.peakSampledKib) / KIB_PER_MIB;
  }

  /** Peak RSS and CPU time since the last call: one phase's usage. */
  takePhase(): PhaseUsage {
    this.sample();
    const usage = { peakMib: this.phasePeakKib / KIB_PER_MIB, cpuSeconds: (this.cpuTicks - this.phaseStartTicks) / CLOCK_TICKS_PER_SECOND };
    this.phasePeakKib = 0;
    this.phaseStartTicks = this.cpuTicks;
    return usage;
  }

  /** Graceful shutdown (SIGTERM), SIGKILL if it takes longer than STOP_WITHIN_MS. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.sample();
    clearInterval(this.sampler);
    await stopChild(this.child, this.logFd, STOP_WITHIN_MS);
  }

  kill(): void {
    this.stopping = true;
    if (this.running()) this.child.kill('SIGKILL');
  }

  private running(): boolean {
    return isRunning(this.child);
  }

  private sample(): void {
    if (!this.child.pid || !this.running()) return;
    let status: string;
    let stat: string;
    try {
      status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    } catch {
      return; // exited between the check and the read
    }
    const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    const rss = kib('VmRSS');
    this.hwmKib = Math.max(this.hwmKib, kib('VmHWM'));
    this.peakSampledKib = Math.max(this.peakSampledKib, rss);
    this.phasePeakKib = Math.max(this.phasePeakKib, rss);
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    this.cpuTicks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
}
