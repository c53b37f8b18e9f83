import { containsIdentityCodeShape, redactIdentityCodeShapes } from './identity-code-shape';

describe('identity-code shapes in text', () => {
  it.each(['asiakas 131052-308T', '131052A308T soitti', 'hetu:010594Y9032', 'lower 131052a308t', 'mistyped 131052-308X'])('finds one in %j', (text) => {
    expect(containsIdentityCodeShape(text)).toBe(true);
  });

  it.each(['tilaus 9131052-308T1', '12345678-1234-4678-9123-123456789012', 'trial-2026-1'])('finds none in %j', (text) => {
    expect(containsIdentityCodeShape(text)).toBe(false);
  });

  it('redacts every one and leaves the rest', () => {
    expect(redactIdentityCodeShapes('/paths/131052-308T/x/010594Y9032?q')).toBe('/paths/[redacted]/x/[redacted]?q');
    expect(redactIdentityCodeShapes('/paths/12345678-1234-4678-9123-123456789012')).toBe('/paths/12345678-1234-4678-9123-123456789012');
  });
});
