import type { PathState } from '@polku/domain';
import type { ProducerBatch } from 'kafkajs';
import { OutboxRelay } from './outbox-relay';
import type { OutgoingMessage } from './outgoing-batch';
import type { OutboxRow } from './outbox.repository';
import { ManualSleep, settle, until } from './testing/manual';
import { MemoryLeases } from './testing/memory-leases';
import { MemoryOutbox, outboxRow as row } from './testing/memory-outbox';

/**
 * The publishing loop (start → passes → idle) with no timers: the relay sleeps on a ManualSleep
 * whose waits end only when a wake-up aborts them or the test says the time is up.
 */
const LEASE_MS = 3_000;
const POLL_MS = 1_000;
// Below the relay's shortest backoff, so the first backoff is exactly this.
const MAX_BACKOFF_MS = 100;
const settings = { batchSize: 10, pollMs: POLL_MS, maxBackoffMs: MAX_BACKOFF_MS, lease: { name: 'outbox-relay', holder: 'relay-a', leaseMs: LEASE_MS } };
const log = { info: () => undefined, warn: () => undefined };
const toMessage = (event: OutboxRow['event']): OutgoingMessage => ({ topic: 'polku.servicepath.events.v1', key: event.streamId, value: event.eventId, headers: {} });

// More turns of the loop than any test needs: past it the loop spins (on settled promises only,
// starving every timer and socket of the process), and ensure() fails instead of hanging the test.
const MAX_LOOP_TURNS = 100;

/** LISTEN without PostgreSQL: the test delivers the notifications. Counts the loop's turns (one ensure each). */
class FakeListener {
  turns = 0;
  private readonly listeners: (() => void)[] = [];
  onNotify(listener: () => void): void {
    this.listeners.push(listener);
  }
  async ensure(): Promise<void> {
    if ((this.turns += 1) > MAX_LOOP_TURNS) throw new Error('the relay loop spins');
  }
  close(): void {
    this.listeners.splice(0);
  }
  notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}

const relays: OutboxRelay[] = [];
afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
});

function running(rows: OutboxRow[], sendBatch: (batch: ProducerBatch) => Promise<never[]> = async () => [], leasedTo?: string) {
  const leases = new MemoryLeases(() => 0);
  if (leasedTo) void leases.acquire(settings.lease.name, leasedTo, LEASE_MS);
  const outbox = new MemoryOutbox(rows, (fence) => leases.holds(fence));
  const listener = new FakeListener();
  const time = new ManualSleep();
  const states = { after: async (): Promise<PathState> => ({ status: 'NONE', version: 0 }) };
  const parts = { outbox, states, producer: { sendBatch }, translate: (event: OutboxRow['event']) => [toMessage(event)], deadLetter: toMessage, leases, listener, clock: () => 0, sleep: time.sleep };
  const relay = new OutboxRelay(parts, settings, log);
  relays.push(relay);
  relay.start();
  return { outbox, listener, time };
}

/** The relay has nothing left to do and waits for its poll. */
const idleOnThePoll = (time: ManualSleep) => () => time.waits.at(-1)?.ms === POLL_MS && time.waits.at(-1)?.signal.aborted === false;

describe('the relay loop', () => {
  it('makes another pass right after one during which a NOTIFY arrived, without waiting for the poll', async () => {
    const { outbox, listener, time } = running([row(1, 'p-1', 1)]);
    const read = outbox.unsent;
    let committed = false;
    // Row 2 commits just after the pass's last read took its snapshot; its NOTIFY arrives while the pass still runs.
    outbox.unsent = async (limit, skip) => {
      const rows = await read(limit, skip);
      if (rows.length === 0 && outbox.sent.length === 0 && !committed) {
        committed = true;
        outbox.add(row(2, 'p-2', 1));
        listener.notify();
      }
      return rows;
    };
    await until(() => outbox.sent.includes('2'), 'row 2 published');
    expect(committed).toBe(true);
    expect(outbox.sent).toEqual(['1', '2']);
    expect(time.waits.every((wait) => wait.signal.aborted || wait === time.waits.at(-1))).toBe(true); // no poll ran out
  });

  it('idles on the poll when nothing is left, without reading again, and reads again when the poll is up', async () => {
    const { outbox, time } = running([row(1, 'p-1', 1)]);
    await until(() => outbox.sent.includes('1') && idleOnThePoll(time)(), 'the relay idle after row 1');
    outbox.add(row(2, 'p-2', 1)); // a commit whose NOTIFY was lost
    const reads = outbox.reads.length;
    await settle();
    expect(outbox.reads).toHaveLength(reads);
    time.elapse();
    await until(() => outbox.sent.includes('2'), 'row 2 published after the poll');
  });

  it('wakes from idle on a NOTIFY', async () => {
    const { outbox, listener, time } = running([]);
    await until(idleOnThePoll(time), 'the relay idle');
    outbox.add(row(1, 'p-1', 1));
    listener.notify();
    await until(() => outbox.sent.includes('1'), 'row 1 published on the NOTIFY');
  });

  it('a standby woken by a NOTIFY goes back to waiting, without reading and without spinning', async () => {
    const { outbox, listener, time } = running([], undefined, 'relay-b');
    await until(idleOnThePoll(time), 'the standby idle');
    const waits = time.waits.length;
    listener.notify();
    await until(() => time.waits.length > waits && idleOnThePoll(time)(), 'the standby idle again');
    await settle();
    expect(listener.turns).toBeLessThan(MAX_LOOP_TURNS);
    expect(outbox.reads).toEqual([]);
  });

  it('backs off after a failed send, and a NOTIFY does not cut the backoff short', async () => {
    let failures = 1;
    const { outbox, listener, time } = running([row(1, 'p-1', 1)], async () => {
      if (failures-- > 0) throw new Error('broker down');
      return [];
    });
    await until(() => time.waits.at(-1)?.ms === MAX_BACKOFF_MS, 'a backoff');
    const reads = outbox.reads.length;
    listener.notify();
    await settle();
    expect([time.waits.at(-1)?.signal.aborted, outbox.reads.length, outbox.sent]).toEqual([false, reads, []]);
    time.elapse();
    await until(() => outbox.sent.includes('1'), 'row 1 published after the backoff');
  });
});
