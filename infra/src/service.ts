/** A piece of local infrastructure or one of our apps, as `npm start/stop/status` see it. */
export interface Service {
  readonly name: string;
  /** Installs what is missing; cached, so a second call does nothing. */
  install(): Promise<void>;
  /** Starts the service unless it already runs, then waits until it is healthy. */
  start(): Promise<void>;
  healthy(): Promise<boolean>;
  /** Stops what we started; true when something was running. */
  stop(): Promise<boolean>;
  /** Where a person or a client reaches it. */
  readonly endpoints: readonly string[];
}
