import { Leadership } from './leadership';
import type { Fence, LeaseStore } from './lease.repository';
import { MemoryLeases } from './testing/memory-leases';

const LEASE_MS = 3_000;
const settings = { name: 'outbox-relay', holder: 'relay-a', leaseMs: LEASE_MS };

function leadershipOn(store?: LeaseStore) {
  const clock = { now: 0 };
  const leases = new MemoryLeases(() => clock.now);
  const lines: { message: string; fields: object }[] = [];
  const log = { info: (fields: object, message: string) => lines.push({ fields, message }), warn: (fields: object, message: string) => lines.push({ fields, message }) };
  return { clock, leases, lines, leadership: new Leadership(store ?? leases, settings, log, () => clock.now) };
}

describe('Leadership', () => {
  it('keeps the lease across many lease lengths while it renews every third of one', async () => {
    const { clock, leadership } = leadershipOn();
    await leadership.campaign();
    for (let step = 0; step < 10; step += 1) {
      clock.now += LEASE_MS / 3;
      await leadership.campaign();
      expect(leadership.current()).toEqual({ name: 'outbox-relay', holder: 'relay-a', epoch: 1 });
    }
  });

  it('stops publishing within the margin before expiry, and counts itself out at expiry, by its own clock', async () => {
    const { clock, leadership, leases } = leadershipOn();
    await leadership.campaign();
    clock.now = LEASE_MS - LEASE_MS / 3 - 1;
    expect(leadership.current()?.epoch).toBe(1);
    clock.now = LEASE_MS - LEASE_MS / 3;
    expect(leadership.current()).toBeUndefined();
    expect(leadership.status().role).toBe('leader'); // still its lease: a renewal now keeps it
    clock.now = LEASE_MS;
    expect(leadership.current()).toBeUndefined();
    expect(leadership.status()).toEqual({ role: 'standby', epoch: undefined });
    expect(await leases.acquire('outbox-relay', 'relay-b', LEASE_MS)).toBe(2);
  });

  it('logs each change of leadership with the lease and epoch only', async () => {
    const { clock, leadership, leases, lines } = leadershipOn();
    await leadership.campaign();
    clock.now = LEASE_MS;
    await leases.acquire('outbox-relay', 'relay-b', LEASE_MS);
    await leadership.campaign();
    expect(lines).toEqual([
      { message: 'relay took the lease; publishing as leader', fields: { lease: 'outbox-relay', epoch: 1 } },
      { message: 'relay lost the lease; standing by', fields: { lease: 'outbox-relay', epoch: 1, reason: 'lease expired or taken over' } },
    ]);
  });

  it('stays out once it lost the lease, even if a renewal under way at that moment succeeds', async () => {
    let answerRenewal: (renewed: boolean) => void = () => undefined;
    const store: LeaseStore = { acquire: async () => 1, renew: () => new Promise<boolean>((resolve) => (answerRenewal = resolve)), release: async () => undefined };
    const { leadership } = leadershipOn(store);
    await leadership.campaign();
    const renewal = leadership.campaign();
    leadership.lose('outbox refused the mark');
    answerRenewal(true);
    await renewal;
    expect(leadership.current()).toBeUndefined();
  });

  it('hands the lease back on stop, so a standby takes it at once with the next epoch', async () => {
    const { leadership, leases } = leadershipOn();
    const led = new Promise<void>((resolve) => leadership.onLead(resolve));
    leadership.start();
    await led;
    await leadership.stop();
    const fence: Fence = { name: 'outbox-relay', holder: 'relay-a', epoch: 1 };
    expect(leases.holds(fence)).toBe(false);
    expect(await leases.acquire('outbox-relay', 'relay-b', LEASE_MS)).toBe(2);
  });
});
