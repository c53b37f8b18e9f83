/* eslint-disable no-console -- a benchmark talks to a person in a terminal */

/** A progress line on stderr (results go to stdout and the results file). */
export function progress(message: string): void {
  console.error(`· ${new Date().toISOString().slice(11, 19)} ${message}`);
}
