import fc from 'fast-check';
import { isDomainError } from '../shared/domain-error';
import { decide } from './path.decider';
import { FIRING_EVENTS, type PathEvent } from './path.events';
import { evolve } from './path.evolve';
import { initialPathState, type PathState } from './path.state';
import { firstInstant, IDENTITY_CODES, RUNS, SEED, type Step, steps, toCommand } from './testing/path-arbitraries';
import { WELLBEING_SHARING_EVENTS, wellbeingSharingWindow } from './wellbeing-sharing';

// Random command sequences, valid and invalid, through decide + evolve (generators in testing/path-arbitraries).
const itemIdOf = (event: PathEvent): string => (event.data as { item: { id: string } }).item.id;

function expectInvariants(state: PathState, events: readonly PathEvent[], fresh: readonly PathEvent[]): void {
  expect(state.version).toBe(events.length);
  if (state.status === 'NONE') return;
  const earlier = events.slice(0, events.length - fresh.length);
  for (const event of fresh.filter((e) => FIRING_EVENTS.includes(e.type))) {
    const id = itemIdOf(event);
    const lastFiring = earlier.map((e, index) => ({ e, index })).filter(({ e }) => FIRING_EVENTS.includes(e.type) && itemIdOf(e) === id).at(-1);
    expect({ id, firedBefore: lastFiring !== undefined }).toEqual({ id, firedBefore: false });
  }
  for (const [id, pending] of Object.entries(state.schedule)) {
    expect(pending.id).toBe(id);
    expect(state.fired).not.toContain(id);
  }
  const text = JSON.stringify(fresh);
  for (const code of IDENTITY_CODES) expect(text).not.toContain(code);
}

interface Run {
  readonly state: PathState;
  readonly events: readonly PathEvent[];
  readonly rejected: number;
}

function run(first: number, sequence: readonly Step[]): Run {
  let now = first;
  let current: Run = { state: initialPathState, events: [], rejected: 0 };
  for (const next of sequence) {
    const made = toCommand(next, current.state, now + next.gapMinutes * 60_000);
    now = made.now;
    const before = JSON.stringify(current.state);
    const decision = decide(made.command, current.state);
    expect(JSON.stringify(current.state)).toBe(before);
    if (isDomainError(decision)) {
      current = { ...current, rejected: current.rejected + 1 }; // rejected: nothing emitted, the state stays as it was
      continue;
    }
    for (const event of decision) expect(event.metadata).toBe(made.command.metadata);
    const events = [...current.events, ...decision];
    const windowBefore = wellbeingSharingWindow(current.state);
    current = { ...current, state: decision.reduce(evolve, current.state), events };
    // Read models refresh the sharing window only on these events: no other may move it.
    if (!decision.some((event) => WELLBEING_SHARING_EVENTS.includes(event.type))) expect(wellbeingSharingWindow(current.state)).toEqual(windowBefore);
    expectInvariants(current.state, events, decision);
  }
  return current;
}

describe('decide + evolve over random command sequences', () => {
  it('keeps every invariant, and the events alone rebuild the state', () => {
    const seen = new Set<string>();
    let rejected = 0;
    fc.assert(
      fc.property(firstInstant, steps, (first, sequence) => {
        const result = run(first, sequence);
        expect(result.events.reduce(evolve, initialPathState)).toEqual(result.state);
        result.events.forEach((event) => seen.add(event.type));
        rejected += result.rejected;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator must reach deep states and produce rejections, or the properties prove little.
    expect(rejected).toBeGreaterThan(RUNS);
    expect([...seen]).toEqual(
      expect.arrayContaining(['WageSubsidyStarted', 'WorkTrialExtended', 'PathExited', 'PathResumed', 'PathReopened', 'FollowUpRecorded', 'ConsentExpired', 'DeadlineMissed', 'EscalationRaised', 'ReminderIssued', 'ScheduledItemsCancelled', 'PolicyMigrated']),
    );
  });
});
