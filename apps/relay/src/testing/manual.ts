import type { Sleep } from '../wake-ups';

/** A promise the test settles when it chooses. */
export class Gate {
  open!: () => void;
  fail!: (error: Error) => void;
  readonly promise = new Promise<void>((resolve, reject) => {
    this.open = resolve;
    this.fail = reject;
  });
}

/** The relay's sleep with no timer behind it: a wait ends when it is aborted or the test calls `elapse`. */
export class ManualSleep {
  readonly waits: { readonly ms: number; readonly signal: AbortSignal; readonly end: () => void }[] = [];

  readonly sleep: Sleep = (ms, signal) =>
    new Promise((resolve) => {
      this.waits.push({ ms, signal, end: resolve });
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });

  /** The latest wait's time is up. */
  elapse(): void {
    this.waits.at(-1)?.end();
  }
}

// Enough turns of the event loop for any chain of settled promises in the relay to run out.
const MAX_TURNS = 1_000;

/** Lets the event loop turn (no timers) until `condition` holds; fails naming `what` if it never does. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < MAX_TURNS; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

/** Lets the event loop turn until everything that can run has run. */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < MAX_TURNS / 10; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}
