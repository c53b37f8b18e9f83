import { hold } from '../bounded';
import type { LedgerFault } from '../fault';
import { postmasterPid } from '../../postgres';
import { stopPostgresImmediately } from '../daemons';
import { apiLoad, midStorm, momentNote } from './support';

const STOP_AT_SHARE = 0.2;

/** F3: PostgreSQL stopped with `pg_ctl -m immediate` (no shutdown checkpoint) during appends, then started. */
export const postgresStop: LedgerFault = {
  kind: 'ledger',
  id: 'F3',
  title: 'PostgreSQL immediate stop + start',
  load: (profile) => ({ stormPaths: profile.stormPaths, api: apiLoad(profile) }),
  async inject(ctx) {
    const moment = await midStorm(ctx, ctx.profile.stormPaths, STOP_AT_SHARE);
    const pid = postmasterPid();
    await stopPostgresImmediately();
    ctx.progress(`F3: PostgreSQL (postmaster ${pid}) stopped with -m immediate; ${momentNote(moment)}`);
    await hold(ctx.profile.postgresDownMs, ctx.signal); // the outage itself
    await ctx.stack.infra.postgres.start();
    return { endedAt: Date.now(), notes: [`down ${ctx.profile.postgresDownMs / 1000} s; ${momentNote(moment)}`] };
  },
};
