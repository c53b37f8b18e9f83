import { CancellationScope, condition, sleep } from '@temporalio/workflow';

interface Armed {
  readonly dueAt: string;
  readonly scope: CancellationScope;
  elapsed: boolean;
}

/**
 * The one durable timer for the path's earliest pending item. Steady (since STEADY_TIMER_PATCH):
 * armed when the earliest due instant changes and left running while other state changes come
 * and go, so a command that does not move the earliest item costs no timer. Older histories
 * re-armed on every state change (a timer cancelled and started again each time): their way is
 * kept for them.
 */
export class NextItemTimer {
  private armed: Armed | undefined;

  constructor(private readonly steady: boolean) {}

  /** True once `dueAt` has come (at once if it already has); false as soon as `changed` holds. */
  async until(dueAt: string, changed: () => boolean): Promise<boolean> {
    const wait = Date.parse(dueAt) - Date.now();
    if (wait <= 0) {
      this.cancel();
      return true;
    }
    if (!this.steady) return !(await condition(changed, wait));
    if (this.armed?.dueAt !== dueAt) this.arm(dueAt, wait);
    const armed = this.armed as Armed;
    await condition(() => armed.elapsed || changed());
    if (!armed.elapsed) return false;
    this.armed = undefined;
    return true;
  }

  /** Nothing is pending (or the path is paused): no timer at all. */
  cancel(): void {
    this.armed?.scope.cancel();
    this.armed = undefined;
  }

  private arm(dueAt: string, wait: number): void {
    this.cancel();
    const armed: Armed = { dueAt, scope: new CancellationScope(), elapsed: false };
    // A cancelled timer rejects: that is the cancel above, nothing to handle.
    armed.scope.run(() => sleep(wait)).then(() => (armed.elapsed = true), () => undefined);
    this.armed = armed;
  }
}
