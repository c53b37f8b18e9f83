/**
 * Runs async sections one at a time, in call order. Update handlers that append must not
 * interleave: each decides on the state the previous one left (ARCHITECTURE, "The write path").
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;

  run<T>(section: () => Promise<T>): Promise<T> {
    this.running += 1;
    const result = this.tail.then(section).finally(() => {
      this.running -= 1;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  get idle(): boolean {
    return this.running === 0;
  }
}
