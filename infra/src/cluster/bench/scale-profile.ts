/** The bench's sizes: small enough for a few minutes on two cores, large enough to measure a rate. */
export interface ScaleProfile {
  readonly starts: number;
  readonly stormPaths: number;
  readonly backlogPaths: number;
  readonly concurrency: number;
  /** The storm falls due once its starts are done: their expected time × this, plus the lead. */
  readonly stormStartMargin: number;
  readonly stormLeadMs: number;
  readonly phaseTimeoutMs: number;
  readonly runDeadlineMs: number;
}

export const SCALE_PROFILE: ScaleProfile = {
  starts: 300,
  stormPaths: 400,
  backlogPaths: 300,
  concurrency: 32,
  stormStartMargin: 2,
  stormLeadMs: 10_000,
  phaseTimeoutMs: 5 * 60_000,
  runDeadlineMs: 40 * 60_000,
};

/** `-- --starts= --storm= --backlog= --concurrency=` override the sizes. */
export function parseScaleArgs(argv: readonly string[]): ScaleProfile {
  const number = (name: string, fallback: number): number => {
    const raw = argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`bench:scale: --${name} must be a positive whole number, got ${raw}`);
    return value;
  };
  const unknown = argv.filter((arg) => !/^--(starts|storm|backlog|concurrency)=/.test(arg));
  if (unknown.length > 0) throw new Error(`bench:scale: unknown arguments ${unknown.join(' ')} (use --starts= --storm= --backlog= --concurrency=)`);
  return { ...SCALE_PROFILE, starts: number('starts', SCALE_PROFILE.starts), stormPaths: number('storm', SCALE_PROFILE.stormPaths), backlogPaths: number('backlog', SCALE_PROFILE.backlogPaths), concurrency: number('concurrency', SCALE_PROFILE.concurrency) };
}
