import { cloudEvent } from './testing';
import { parseIntegrationEvent } from './integration-event';

const valid = cloudEvent('AssessmentStarted', 'municipal', 'path-1', 7, { startedOn: '2026-03-05' });
const parse = (value: unknown) => parseIntegrationEvent(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));

describe('parseIntegrationEvent', () => {
  it('accepts a v1 CloudEvent and types it by name, with the sequence as a number', () => {
    const parsed = parse(valid);
    expect(parsed).toEqual({ ok: true, event: expect.objectContaining({ id: valid.id, name: 'AssessmentStarted', subject: 'path-1', sequence: 7, data: { pathId: 'path-1', startedOn: '2026-03-05' } }) });
  });

  it.each([
    ['an empty value', '', 'EMPTY_VALUE'],
    ['invalid JSON', '{"id": 12345', 'INVALID_JSON'],
    ['JSON that is not an object', '42', 'UNKNOWN_TYPE'],
    ['an unknown event type', { ...valid, type: 'fi.polku.servicepath.Nope.v1' }, 'UNKNOWN_TYPE'],
    ['a later major version', { ...valid, type: 'fi.polku.servicepath.AssessmentStarted.v2' }, 'UNKNOWN_TYPE'],
    ['data missing a field', { ...valid, data: { pathId: 'path-1' } }, 'SCHEMA_INVALID'],
    ['an unknown envelope attribute', { ...valid, extra: 1 }, 'SCHEMA_INVALID'],
  ])('refuses %s as %s', (_what, value, code) => {
    const parsed = value === '' ? parseIntegrationEvent(Buffer.alloc(0)) : parse(value);
    expect(parsed).toEqual({ ok: false, poison: { code, detail: expect.any(String) } });
  });

  it('names the failing fields but never their values', () => {
    const secret = 'cref_leakleakleakleakleak';
    const parsed = parse({ ...valid, data: { pathId: 'path-1', startedOn: secret } });
    expect(parsed.ok).toBe(false);
    const detail = parsed.ok ? '' : parsed.poison.detail;
    expect(detail).toContain('data.startedOn');
    expect(detail).not.toContain(secret);
  });

  it('does not pass JSON.parse\'s message on, which quotes the input', () => {
    const parsed = parse('{"clientReference": cref_secretvalue');
    expect(parsed.ok ? '' : parsed.poison.detail).not.toContain('cref_secretvalue');
  });
});
