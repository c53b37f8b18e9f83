import { bringBack, isGone, pidOf } from '../../test/support/local-system';

/** The running relay app (npm start): stopped gracefully, brought back by npm start. */
export const relayApp = {
  async pause(): Promise<void> {
    const pid = pidOf('relay');
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; waited < 15_000 && !isGone(pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  },
  resume: bringBack,
};
