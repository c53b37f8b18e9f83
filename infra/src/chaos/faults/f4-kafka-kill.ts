import { hold } from '../bounded';
import type { LedgerFault } from '../fault';
import { kill9 } from '../daemons';
import { apiLoad, midStorm, momentNote } from './support';

const KILL_AT_SHARE = 0.2;

/** F4: the Kafka broker is killed with SIGKILL (not SIGTERM) while the relay sends, then started again. */
export const kafkaKill: LedgerFault = {
  kind: 'ledger',
  id: 'F4',
  title: 'Kafka broker kill -9 + start',
  load: (profile) => ({ stormPaths: profile.stormPaths, api: apiLoad(profile) }),
  async inject(ctx) {
    const moment = await midStorm(ctx, ctx.profile.stormPaths, KILL_AT_SHARE);
    const pid = await kill9('kafka', ctx.signal);
    ctx.progress(`F4: Kafka (pid ${pid}) killed with SIGKILL; ${momentNote(moment)}`);
    await hold(ctx.profile.kafkaDownMs, ctx.signal); // the outage itself
    await ctx.stack.infra.kafka.start();
    return { endedAt: Date.now(), notes: [`Kafka pid ${pid} killed, down ${ctx.profile.kafkaDownMs / 1000} s + its restart; ${momentNote(moment)}`] };
  },
};
