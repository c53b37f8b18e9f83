import { Topics } from '@polku/contracts';
import { decide, evolve, eventIdFor, helsinkiDateOf, initialPathState, isDomainError, type PathCommand, type PathState, type ScheduledItem } from '@polku/domain';
import { accountStream, repeatedCommandIds, type StoredRow } from './expectations';
import { STORM_ITEMS_PER_PATH, STORM_LAST_DUE_MS, stormPolicy } from './storm';

const PATH = '5b0c7f1e-1111-4a4a-8b8b-000000000001';
const ACTOR = { userId: 'chaos.coach', role: 'coach' } as const;

/** A stream built by the domain itself, one transaction per command, as the workflow appends it. */
class Stream {
  readonly rows: StoredRow[] = [];
  private state: PathState = initialPathState;

  constructor(private readonly startedAt: string) {
    this.apply({
      type: 'StartPath',
      data: { pathId: PATH, clientReference: 'cref_chaosspec0000000001', employmentArea: 'Chaos spec', municipality: 'Hattula', referralSource: 'SELF_REGISTRATION', registeredOn: helsinkiDateOf(startedAt), coachId: ACTOR.userId, consents: [] },
      metadata: { occurredAt: startedAt, actor: ACTOR },
    });
  }

  get pending(): ScheduledItem[] {
    return this.state.status === 'NONE' ? [] : Object.values(this.state.schedule);
  }

  fire(item: ScheduledItem): void {
    this.apply({ type: 'FireScheduledItem', data: { itemId: item.id, rule: item.rule }, metadata: { occurredAt: item.dueAt, actor: ACTOR } });
  }

  /** The last stored row again at the next version, in a transaction of its own: a double effect. */
  repeatLast(): void {
    const last = this.rows[this.rows.length - 1] as StoredRow;
    this.rows.push({ ...last, eventId: eventIdFor(PATH, this.rows.length + 1), streamVersion: this.rows.length + 1, transactionId: String(this.rows.length + 1000) });
  }

  private apply(command: PathCommand): void {
    const events = decide(command, this.state, [stormPolicy()]);
    if (isDomainError(events)) throw new Error(events.code);
    const transactionId = String(this.rows.length + 1);
    for (const event of events) {
      const version = this.rows.length + 1;
      this.rows.push({ eventId: eventIdFor(PATH, version), streamId: PATH, streamVersion: version, type: event.type, data: event.data, metadata: event.metadata as never, recordedAt: event.metadata.occurredAt, transactionId });
      this.state = evolve(this.state, event);
    }
  }
}

const agoMs = (ms: number): string => new Date(Date.now() - ms).toISOString();

describe('accountStream', () => {
  it('counts every storm item as due and fired once when each fired', () => {
    const stream = new Stream(agoMs(STORM_LAST_DUE_MS + 5_000));
    for (const item of stream.pending) stream.fire(item);
    const { items } = accountStream(stream.rows, Date.now());
    expect(items).toEqual(expect.objectContaining({ due: STORM_ITEMS_PER_PATH, fired: STORM_ITEMS_PER_PATH, firedTwice: 0, unfired: [] }));
    expect(items.firingEventIds).toHaveLength(STORM_ITEMS_PER_PATH);
  });

  it('names the items that came due and did not fire, and leaves out those not due yet', () => {
    const stream = new Stream(agoMs(STORM_LAST_DUE_MS + 5_000));
    const [first, ...rest] = stream.pending.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    stream.fire(first as ScheduledItem);
    expect(accountStream(stream.rows, Date.now()).items).toEqual(expect.objectContaining({ due: STORM_ITEMS_PER_PATH, fired: 1, unfired: rest.map((item) => item.id) }));
    expect(accountStream(new Stream(new Date().toISOString()).rows, Date.now()).items.due).toBe(0);
  });

  it('counts a second firing of an item as fired twice', () => {
    const stream = new Stream(agoMs(STORM_LAST_DUE_MS + 5_000));
    for (const item of stream.pending) stream.fire(item);
    stream.repeatLast();
    expect(accountStream(stream.rows, Date.now()).items).toEqual(expect.objectContaining({ fired: STORM_ITEMS_PER_PATH, firedTwice: 1 }));
  });

  it('expects each event on the topics the translator gives it to, and timer bookkeeping on none', () => {
    const stream = new Stream(agoMs(STORM_LAST_DUE_MS + 5_000));
    const { publications } = accountStream(stream.rows, Date.now());
    const [started, scheduled] = stream.rows;
    expect(publications.get(started?.eventId ?? '')).toEqual(expect.arrayContaining([Topics.events, Topics.municipal]));
    expect(publications.get(started?.eventId ?? '')).not.toContain(Topics.wellbeing); // no basis: no consent, no multisectoral support
    expect(scheduled?.type).toBe('DeadlinesScheduled');
    expect(publications.get(scheduled?.eventId ?? '')).toEqual([]);
  });
});

describe('repeatedCommandIds', () => {
  const row = (version: number, transactionId: string, commandId?: string): StoredRow => ({
    eventId: eventIdFor(PATH, version),
    streamId: PATH,
    streamVersion: version,
    type: 'ConsentRecorded',
    data: {},
    metadata: commandId ? { commandId } : {},
    recordedAt: agoMs(0),
    transactionId,
  });

  it('finds a command id appended in two transactions, not one command’s several events', () => {
    expect(repeatedCommandIds([row(1, '10', 'idem-a'), row(2, '10', 'idem-a'), row(3, '11', 'idem-b')])).toEqual([]);
    expect(repeatedCommandIds([row(1, '10', 'idem-a'), row(2, '12', 'idem-a'), row(3, '13')])).toEqual(['idem-a']);
  });
});
