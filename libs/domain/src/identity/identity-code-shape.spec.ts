import fc from 'fast-check';
import { containsIdentityCodeShape, redactIdentityCodeShapes } from './identity-code-shape';
import { formatPersonalIdentityCode, type CenturySign } from './personal-identity-code';

const SIGNS: readonly CenturySign[] = ['-', 'Y', 'X', 'W', 'V', 'U'];

/** A valid code of someone born 1950–1999 (the arbitrary's own values; never a real person's on purpose). */
const validCode = fc
  .record({ year: fc.integer({ min: 1950, max: 1999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), individualNumber: fc.integer({ min: 2, max: 899 }), sign: fc.constantFrom(...SIGNS) })
  .map(({ year, month, day, individualNumber, sign }) =>
    formatPersonalIdentityCode({ birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, individualNumber, sign }),
  );

// How a code gets disguised when someone types, pastes or dictates it into a text field.
const DISGUISES: Readonly<Record<string, (code: string) => string>> = {
  lowerCase: (code) => code.toLowerCase(),
  glued: (code) => `ID${code}`,
  gluedBothSides: (code) => `hetu${code}x`,
  gluedToDigits: (code) => `9${code}1`,
  unicodeHyphen: (code) => code.replace('-', '\u2010'),
  enDash: (code) => code.replace('-', '\u2013'),
  minusSign: (code) => code.replace('-', '\u2212'),
  spaces: (code) => `${code.slice(0, 6)} ${code.slice(6, 7)} ${code.slice(7)}`,
  spacedPairs: (code) => `${code.slice(0, 2)} ${code.slice(2, 4)} ${code.slice(4)}`,
  zeroWidth: (code) => `${code.slice(0, 6)}\u200B${code.slice(6)}`,
  fullWidth: (code) => [...code].map((c) => (/[0-9A-Z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join(''),
};

describe('identity-code shapes in text', () => {
  it.each(['asiakas 131052-308T', '131052A308T soitti', 'hetu:010594Y9032', 'lower 131052a308t', 'mistyped 131052-308X', 'ID131052-308T', 'sopimus TK-131052\u2013308T'])('finds one in %j', (text) => {
    expect(containsIdentityCodeShape(text)).toBe(true);
  });

  it.each(['12345678-1234-4678-9123-123456789012', 'corr-9f257444-2145-49a9-b58d-1cffa1760a6b', 'trial-2026-1', 'tilaus 9131052-308X1', 'TK-2026-000123', 'puh. 040 123 4567'])('finds none in %j', (text) => {
    expect(containsIdentityCodeShape(text)).toBe(false);
  });

  it('finds every valid code in every disguise, anywhere in a text', () => {
    fc.assert(
      fc.property(validCode, fc.constantFrom(...Object.keys(DISGUISES)), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (code, disguise, before, after) => {
        const disguised = (DISGUISES[disguise] as (code: string) => string)(code);
        expect(containsIdentityCodeShape(`${before}${disguised}${after}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('redacts every one and leaves the rest', () => {
    expect(redactIdentityCodeShapes('/paths/131052-308T/x/010594Y9032?q')).toBe('/paths/[redacted]/x/[redacted]?q');
    expect(redactIdentityCodeShapes('/paths/ID131052\u2010308T')).toBe('/paths/ID[redacted]');
    expect(redactIdentityCodeShapes('/paths/12345678-1234-4678-9123-123456789012')).toBe('/paths/12345678-1234-4678-9123-123456789012');
  });
});
