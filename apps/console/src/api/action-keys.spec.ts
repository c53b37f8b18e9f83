import { actionOf, createActionKeys } from './action-keys';
import type { KeyValueStore } from './session';

function memoryStore(): KeyValueStore & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

describe('action keys', () => {
  it('keeps each action’s key until that action settles', () => {
    let issued = 0;
    const keys = createActionKeys(memoryStore(), () => `key-${++issued}`);
    const first = actionOf('/paths/p1/pause', '{"reason":"SICK_LEAVE"}');
    const second = actionOf('/paths/p1/pause', '{"reason":"OTHER"}');
    expect([keys.keyFor(first), keys.keyFor(second), keys.keyFor(first)]).toEqual(['key-1', 'key-2', 'key-1']);
    keys.settle(first);
    expect([keys.keyFor(first), keys.keyFor(second)]).toEqual(['key-3', 'key-2']);
  });

  it('names an action by its URL and the exact body, without the body’s text', () => {
    const body = '{"identityCode":"131052-308T","municipality":"Tampere"}';
    expect(actionOf('/paths', body)).toBe(actionOf('/paths', body));
    expect(actionOf('/paths', body)).not.toBe(actionOf('/paths', body.replace('Tampere', 'Tampere ')));
    expect(actionOf('/paths', body)).not.toBe(actionOf('/paths/p1/record-consent', body));
    expect(actionOf('/paths', body)).toMatch(/^\/paths#[0-9a-z]+$/);
  });
});
