import { createSessionStore, parseSession, type KeyValueStore } from './session';

function memoryStore(): KeyValueStore & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

describe('session store', () => {
  const session = { token: 'tok', me: { userId: 'coach.virtanen', role: 'coach' as const, employmentArea: 'Pirkanmaa' } };

  it('keeps the token and user until cleared', () => {
    const store = memoryStore();
    const sessions = createSessionStore(store);
    sessions.save(session);
    expect(createSessionStore(store).load()).toEqual(session);
    sessions.clear();
    expect(sessions.load()).toBeNull();
    expect(store.items.size).toBe(0);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{'],
    ['no token', JSON.stringify({ me: session.me })],
    ['an unknown role', JSON.stringify({ ...session, me: { ...session.me, role: 'system' } })],
    ['no user', JSON.stringify({ token: 'tok' })],
  ])('reads %s as signed out', (_label, text) => {
    expect(parseSession(text)).toBeNull();
  });
});
