import { ConfigError } from '../config-error';

/** The ConfigError `attempt` throws (a test then checks its variable); fails when none is thrown. */
export function refusal(attempt: () => unknown): ConfigError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError thrown');
}
