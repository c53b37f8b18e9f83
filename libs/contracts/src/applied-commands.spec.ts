import { APPLIED_COMMANDS_KEPT, appliedCommandsOf, IDEMPOTENCY_WINDOW_MS, rememberCommand } from './applied-commands';

const NOW = '2026-12-01T12:00:00.000Z';
const ago = (ms: number): string => new Date(Date.parse(NOW) - ms).toISOString();

describe('applied commands a path remembers', () => {
  it('keeps each command id at the version of its last event, from the events that carry it', () => {
    const events = [
      { streamVersion: 1, metadata: { occurredAt: ago(1000) } },
      { streamVersion: 2, metadata: { occurredAt: ago(900), commandId: 'a' } },
      { streamVersion: 3, metadata: { occurredAt: ago(900), commandId: 'a' } },
      { streamVersion: 4, metadata: { occurredAt: ago(800), commandId: 'b' } },
    ];
    expect(appliedCommandsOf(events, NOW)).toEqual({ a: { version: 3, at: ago(900) }, b: { version: 4, at: ago(800) } });
  });

  it('forgets ids older than the idempotency window', () => {
    const kept = rememberCommand({ old: { version: 1, at: ago(IDEMPOTENCY_WINDOW_MS + 1) }, recent: { version: 2, at: ago(IDEMPOTENCY_WINDOW_MS - 1) } }, 'new', { version: 3, at: NOW }, NOW);
    expect(Object.keys(kept).sort()).toEqual(['new', 'recent']);
  });

  it('carries at most the newest APPLIED_COMMANDS_KEPT, however many came in the window', () => {
    let commands = {};
    for (let version = 1; version <= APPLIED_COMMANDS_KEPT + 10; version += 1) commands = rememberCommand(commands, `c-${version}`, { version, at: NOW }, NOW);
    expect(Object.keys(commands)).toHaveLength(APPLIED_COMMANDS_KEPT);
    expect(commands).toHaveProperty(`c-${APPLIED_COMMANDS_KEPT + 10}`);
    expect(commands).not.toHaveProperty('c-10');
  });
});
