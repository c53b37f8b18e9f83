/* eslint-disable no-console -- the infra CLI talks to a person in a terminal */
const started = Date.now();

function stamp(): string {
  return `[polku +${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`;
}

export function say(message: string): void {
  console.log(`${stamp()} ${message}`);
}

export function warn(message: string): void {
  console.error(`${stamp()} WARN ${message}`);
}

export function print(message: string): void {
  console.log(message);
}

/** Prints a line every `everyMs` while `work` runs, so long first-time steps show they are alive. */
export async function withHeartbeat<T>(label: string, work: Promise<T>, everyMs = 15_000): Promise<T> {
  const begun = Date.now();
  const timer = setInterval(() => say(`${label}: still working (${Math.round((Date.now() - begun) / 1000)} s)…`), everyMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** Runs named phases, one after another, and reports how long each took. */
export class Phases {
  private readonly timings: [string, number][] = [];

  async run<T>(name: string, work: () => Promise<T>): Promise<T> {
    const begun = Date.now();
    say(`▶ ${name}`);
    try {
      return await work();
    } finally {
      this.timings.push([name, Date.now() - begun]);
    }
  }

  report(): void {
    print('\nPhase durations:');
    for (const [name, ms] of this.timings) print(`  ${name.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(7)} s`);
  }
}
