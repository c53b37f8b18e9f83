import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLE_EVERY_MS = 200;
const READY_WITHIN_MS = 120_000;
const STOP_WITHIN_MS = 20_000;
/** USER_HZ: /proc/<pid>/stat counts CPU time in these ticks on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface PhaseUsage {
  /** Peak sampled RSS, MB. */
  readonly peakMb: number;
  /** Worker CPU time (user + system), seconds. */
  readonly cpuSeconds: number;
}

/** Where each kind of workflow runs: a task queue and the bundle its worker loads. */
export interface WorkerQueues {
  readonly paths: { readonly taskQueue: string; readonly bundlePath: string };
  readonly baseline: { readonly taskQueue: string; readonly bundlePath: string };
}

export interface WorkerProcessOptions {
  readonly queues: WorkerQueues;
  readonly databaseUrl: string;
  readonly logPath: string;
  /** Called if the worker exits before `stop()`. */
  readonly onUnexpectedExit: (code: number | null, signal: string | null) => void;
}

/** `bench/worker.ts` in a child process, its resident memory sampled from /proc every 200 ms. */
export class WorkerProcess {
  private peakSampledKb = 0;
  private phasePeakKb = 0;
  private hwmKb = 0;
  private cpuTicks = 0;
  private phaseStartTicks = 0;
  private stopping = false;
  /** The worker's effective cache settings, as it reported them when ready. */
  settings = '';
  private readonly sampler: NodeJS.Timeout;

  private constructor(private readonly child: ChildProcess, private readonly logFd: number) {
    this.sampler = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
  }

  static async start(options: WorkerProcessOptions): Promise<WorkerProcess> {
    const logFd = openSync(options.logPath, 'a');
    const child = fork(join(__dirname, 'worker.ts'), [], {
      execArgv: ['-r', '@swc-node/register'],
      env: {
        ...process.env,
        BENCH_PATHS_TASK_QUEUE: options.queues.paths.taskQueue,
        BENCH_PATHS_BUNDLE: options.queues.paths.bundlePath,
        BENCH_BASELINE_TASK_QUEUE: options.queues.baseline.taskQueue,
        BENCH_BASELINE_BUNDLE: options.queues.baseline.bundlePath,
        DATABASE_URL: options.databaseUrl,
      },
      stdio: ['ignore', logFd, logFd, 'ipc'],
    });
    const worker = new WorkerProcess(child, logFd);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker not ready within ${READY_WITHIN_MS / 1000} s; see ${options.logPath}`)), READY_WITHIN_MS);
      child.once('message', (message: { settings?: string }) => {
        clearTimeout(timer);
        worker.settings = message.settings ?? '';
        resolve();
      });
      child.once('exit', (code, signal) => (clearTimeout(timer), reject(new Error(`worker exited during start-up (${code ?? signal}); see ${options.logPath}`))));
    }).catch(async (error: unknown) => {
      await worker.stop();
      throw error;
    });
    child.on('exit', (code, signal) => {
      if (!worker.stopping) options.onUnexpectedExit(code, signal);
    });
    return worker;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Peak RSS in MB: the kernel's high-water mark, or the sampled peak if that is higher. */
  peakMb(): number {
    this.sample();
    return Math.max(this.hwmKb, this.peakSampledKb) / 1024;
  }

  /** Peak RSS and CPU time since the last call: one phase's usage. */
  takePhase(): PhaseUsage {
    this.sample();
    const usage = { peakMb: this.phasePeakKb / 1024, cpuSeconds: (this.cpuTicks - this.phaseStartTicks) / CLOCK_TICKS_PER_SECOND };
    this.phasePeakKb = 0;
    this.phaseStartTicks = this.cpuTicks;
    return usage;
  }

  /** Graceful shutdown (SIGTERM), SIGKILL if it takes longer than 20 s. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.sample();
    clearInterval(this.sampler);
    if (this.running()) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.kill(), STOP_WITHIN_MS);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_WITHIN_MS + 5_000))]);
      clearTimeout(timer);
    }
    closeSync(this.logFd);
  }

  kill(): void {
    this.stopping = true;
    if (this.running()) this.child.kill('SIGKILL');
  }

  private running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
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
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    const rss = kb('VmRSS');
    this.hwmKb = Math.max(this.hwmKb, kb('VmHWM'));
    this.peakSampledKb = Math.max(this.peakSampledKb, rss);
    this.phasePeakKb = Math.max(this.phasePeakKb, rss);
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    this.cpuTicks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
}
