/** Runs `task(i)` for i in [0, n) with at most `concurrency` in flight; returns seconds taken. */
export async function timed(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const begun = process.hrtime.bigint();
  const lane = async (): Promise<void> => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
  return Number(process.hrtime.bigint() - begun) / 1e9;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Polls `done` until true or the deadline; returns whether it finished. */
export async function until(done: () => Promise<boolean>, deadlineMs: number, everyMs = 20): Promise<boolean> {
  while (Date.now() < deadlineMs) {
    if (await done()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
