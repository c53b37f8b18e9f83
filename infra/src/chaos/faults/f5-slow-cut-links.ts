import { hold } from '../bounded';
import type { LedgerFault } from '../fault';
import { apiLoad, midStorm, momentNote } from './support';

const SLOW_AT_SHARE = 0.1;

/**
 * F5: the apps' links to PostgreSQL and Kafka (through the run's TCP proxies) first slow down,
 * then every connection is cut and new ones are refused for a while, then they heal.
 */
export const slowAndCutLinks: LedgerFault = {
  kind: 'ledger',
  id: 'F5',
  title: 'slow, then cut links (TCP proxy)',
  load: (profile) => ({ stormPaths: profile.stormPaths, api: apiLoad(profile) }),
  async inject(ctx) {
    const { profile } = ctx;
    const proxies = Object.values(ctx.stack.proxies);
    const moment = await midStorm(ctx, profile.stormPaths, SLOW_AT_SHARE);
    for (const proxy of proxies) proxy.setLatency(profile.proxyLatencyMs);
    ctx.progress(`F5: ${profile.proxyLatencyMs} ms each way on PostgreSQL and Kafka links for ${profile.latencyPhaseMs / 1000} s; ${momentNote(moment)}`);
    await hold(profile.latencyPhaseMs, ctx.signal); // the slow phase itself
    const cut = proxies.map((proxy) => `${proxy.name} ${proxy.cutAll()}`);
    await Promise.all(proxies.map((proxy) => proxy.refuse()));
    ctx.progress(`F5: connections cut (${cut.join(', ')}), new ones refused for ${profile.cutPhaseMs / 1000} s`);
    await hold(profile.cutPhaseMs, ctx.signal); // the outage itself
    await Promise.all(proxies.map((proxy) => proxy.heal()));
    return {
      endedAt: Date.now(),
      notes: [`latency ${profile.proxyLatencyMs} ms × ${profile.latencyPhaseMs / 1000} s, then cut (${cut.join(', ')} connections) and refused ${profile.cutPhaseMs / 1000} s; ${momentNote(moment)}`],
    };
  },
};
