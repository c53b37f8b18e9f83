/** A setting that cannot be used; names the variable, never echoes its value (it may be a secret). */
export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`Configuration ${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}
