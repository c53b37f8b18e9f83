/** A piece of local infrastructure or one of our apps, as `npm start/stop/status` see it. */
export interface Service {
  readonly name: string;
  /** Installs what is missing; cached, so a second call does nothing. */
  install(): Promise<void>;
  /** Starts the service unless it already runs, then waits until it is healthy. */
  start(): Promise<void>;
  healthy(): Promise<boolean>;
  /** Whether its process (every process, for a service of several) lives, answering or not. */
  running(): boolean;
  /** Stops what we started; true when something was running. */
  stop(): Promise<boolean>;
  /** Where a person or a client reaches it. */
  readonly endpoints: readonly string[];
}

export interface Restored {
  /** Services whose process was gone: started again (or the reason they did not come back). */
  readonly died: readonly string[];
  /** Services whose process lived but did not answer at once, with how long they took to answer again. */
  readonly unhealthy: readonly string[];
}

/**
 * After a fault, whatever happened: every service that does not answer is waited for, and started
 * again if its process is gone. A process that lives through the fault and answers again on its
 * own (a Kafka consumer rejoining its group after the coordinator's broker died) did not die.
 */
export async function restoreServices(services: readonly Service[]): Promise<Restored> {
  const restored = { died: [] as string[], unhealthy: [] as string[] };
  for (const service of services) {
    if (await service.healthy()) continue;
    const died = !service.running();
    const begun = Date.now();
    // start() starts only what is not running, then waits until it answers.
    const outcome = await service.start().then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error)),
    );
    const took = `${((Date.now() - begun) / 1000).toFixed(1)} s`;
    if (outcome !== undefined) restored.died.push(`${service.name} did not come back: ${outcome}`);
    else if (died) restored.died.push(service.name);
    else restored.unhealthy.push(`${service.name} (answered again after ${took})`);
  }
  return restored;
}
