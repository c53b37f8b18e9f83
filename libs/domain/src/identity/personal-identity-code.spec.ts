import fc from 'fast-check';
import { formatPersonalIdentityCode, maskPersonalIdentityCode, parsePersonalIdentityCode, type CenturySign } from './personal-identity-code';

// Oracle, written apart from the code under test: the remainder by long division over the
// digit string, and the century table spelled out per sign.
const ALPHABET = '0123456789ABCDEFHJKLMNPRSTUVWXY';
function checkCharOf(ddmmyyzzz: string): string {
  const remainder = [...ddmmyyzzz].reduce((carry, digit) => (carry * 10 + (digit.charCodeAt(0) - 48)) % 31, 0);
  return ALPHABET.charAt(remainder);
}
const SIGNS_BY_CENTURY: Record<number, CenturySign[]> = { 1800: ['+'], 1900: ['-', 'Y', 'X', 'W', 'V', 'U'], 2000: ['A', 'B', 'C', 'D', 'E', 'F'] };
const ALL_SIGNS = Object.values(SIGNS_BY_CENTURY).flat();

/** A code with the oracle's check character: `build('290200', 'A', '123')`. */
function build(ddmmyy: string, sign: string, zzz: string): string {
  return `${ddmmyy}${sign}${zzz}${checkCharOf(ddmmyy + zzz)}`;
}

describe('parsePersonalIdentityCode', () => {
  it('accepts the DOMAIN.md example and reads its birth date and individual number', () => {
    expect(parsePersonalIdentityCode('131052-308T')).toEqual({
      ok: true, code: '131052-308T', birthDate: '1952-10-13', individualNumber: 308, temporary: false,
    });
  });

  it.each([
    ['010594Y9032', '1994-05-01', 903],
    ['010516B903X', '2016-05-01', 903],
  ])('accepts DVV\'s new-sign example %s as a temporary code', (code, birthDate, individualNumber) => {
    expect(parsePersonalIdentityCode(code)).toEqual({ ok: true, code, birthDate, individualNumber, temporary: true });
  });

  it('agrees with the oracle on the known examples', () => {
    expect(['131052308', '010594903', '010516903'].map(checkCharOf)).toEqual(['T', '2', 'X']);
  });

  describe.each(ALL_SIGNS)('century sign %s', (sign) => {
    const century = Number(Object.keys(SIGNS_BY_CENTURY).find((key) => SIGNS_BY_CENTURY[Number(key)]?.includes(sign)));

    it('maps to its century, with a check character that does not depend on the sign', () => {
      const code = build('131052', sign, '308');
      expect(code).toBe(`131052${sign}308T`);
      expect(parsePersonalIdentityCode(code)).toEqual({
        ok: true, code, birthDate: `${century + 52}-10-13`, individualNumber: 308, temporary: false,
      });
    });
  });

  it('counts 13 century signs', () => {
    expect(ALL_SIGNS).toHaveLength(13);
  });

  describe('29 February', () => {
    it.each([
      ['2000 (divisible by 400)', '290200', 'A', '2000-02-29'],
      ['2004', '290204', 'F', '2004-02-29'],
      ['1996', '290296', 'Y', '1996-02-29'],
    ])('exists in the leap year %s', (_, ddmmyy, sign, birthDate) => {
      expect(parsePersonalIdentityCode(build(ddmmyy, sign, '123'))).toMatchObject({ ok: true, birthDate });
    });

    it.each([
      ['2001', '290201', 'A'],
      ['1900 (divisible by 100, not 400)', '290200', '-'],
      ['1900 under a new sign', '290200', 'U'],
      ['1800', '290200', '+'],
    ])('does not exist in %s', (_, ddmmyy, sign) => {
      expect(parsePersonalIdentityCode(build(ddmmyy, sign, '123'))).toEqual({ ok: false, reason: 'DATE' });
    });
  });

  it.each(['000190', '320190', '310490', '011390', '010090', '300290'])('rejects the date %s that does not exist', (ddmmyy) => {
    expect(parsePersonalIdentityCode(build(ddmmyy, '-', '123'))).toEqual({ ok: false, reason: 'DATE' });
  });

  it.each(['000', '001'])('rejects the never-issued individual number %s even with a right check character', (zzz) => {
    expect(parsePersonalIdentityCode(build('131052', '-', zzz))).toEqual({ ok: false, reason: 'INDIVIDUAL_NUMBER' });
  });

  it.each([
    ['002', 2, false],
    ['899', 899, false],
    ['900', 900, true],
    ['999', 999, true],
  ])('accepts the individual number %s (temporary: %s)', (zzz, individualNumber, temporary) => {
    expect(parsePersonalIdentityCode(build('131052', 'A', zzz))).toMatchObject({ ok: true, individualNumber, temporary });
  });

  it.each(['131052-308U', '131052-3080', '131052-308G', '131052-308Z', '131052A308S'])('rejects the wrong check character in %s', (code) => {
    expect(parsePersonalIdentityCode(code)).toEqual({ ok: false, reason: 'CHECK_CHARACTER' });
  });

  it.each(['131052G308T', '131052Z308T', '131052T308T'])('rejects the unknown century sign in %s', (code) => {
    expect(parsePersonalIdentityCode(code)).toEqual({ ok: false, reason: 'CENTURY_SIGN' });
  });

  it.each([
    ['too short', '131052-308'],
    ['too long', '131052-308TT'],
    ['a digit as the sign', '1310521308T'],
    ['a letter among the date digits', '13105X-308T'],
    ['a letter in the individual number', '131052-3O8T'],
    ['inner whitespace', '131052 -308T'],
    ['a punctuation check character', '131052-308!'],
    ['empty', ''],
  ])('rejects %s as FORMAT', (_, input) => {
    expect(parsePersonalIdentityCode(input)).toEqual({ ok: false, reason: 'FORMAT' });
  });

  it('trims surrounding whitespace and upper-cases letters into the canonical code', () => {
    expect(parsePersonalIdentityCode('  010594y9032\n')).toMatchObject({ ok: true, code: '010594Y9032' });
    expect(parsePersonalIdentityCode('010516b903x')).toMatchObject({ ok: true, code: '010516B903X' });
  });
});

describe('maskPersonalIdentityCode', () => {
  it.each([
    ['131052-308T', '******-***T'],
    ['010594Y9032', '******Y***2'],
    [' 010516b903x ', '******B***X'],
  ])('keeps only the century sign and the check character of %s', (code, masked) => {
    expect(maskPersonalIdentityCode(code)).toBe(masked);
  });

  it('masks anything not shaped like a code entirely', () => {
    expect(maskPersonalIdentityCode('131052-308')).toBe('***********');
  });
});

const DAY_MS = 86_400_000;

/** A birth date 1800–2099, an individual number and one of the century's signs (its traditional one first). */
const arbitraryParts = fc
  .record({ epochDay: fc.integer({ min: Date.UTC(1800, 0, 1) / DAY_MS, max: Date.UTC(2099, 11, 31) / DAY_MS }), individual: fc.integer({ min: 2, max: 999 }), signIndex: fc.nat() })
  .map(({ epochDay, individual, signIndex }) => {
    const birthDate = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
    const [year = '', month = '', day = ''] = birthDate.split('-');
    const signs = SIGNS_BY_CENTURY[Math.floor(Number(year) / 100) * 100] ?? [];
    const sign = signs[signIndex % signs.length] ?? '+';
    const codeWith = (anySign: string): string => build(`${day}${month}${year.slice(2)}`, anySign, String(individual).padStart(3, '0'));
    return { birthDate, individual, sign, code: codeWith(sign), traditionalCode: codeWith(signs[0] ?? '?') };
  });

describe('parsePersonalIdentityCode properties', () => {
  it('accepts every code built with the oracle\'s check character, with its birth date', () => {
    fc.assert(
      fc.property(arbitraryParts, ({ code, birthDate, individual }) => {
        expect(parsePersonalIdentityCode(code)).toEqual({
          ok: true, code, birthDate, individualNumber: individual, temporary: individual >= 900,
        });
      }),
    );
  });

  it('rejects the same code with any other check character', () => {
    const otherCharacters = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
    fc.assert(
      fc.property(arbitraryParts, fc.constantFrom(...otherCharacters), ({ code }, replacement) => {
        fc.pre(replacement !== code.slice(-1));
        expect(parsePersonalIdentityCode(code.slice(0, -1) + replacement)).toEqual({ ok: false, reason: 'CHECK_CHARACTER' });
      }),
    );
  });
});

describe('formatPersonalIdentityCode', () => {
  it('writes the DOMAIN.md example', () => {
    expect(formatPersonalIdentityCode({ birthDate: '1952-10-13', individualNumber: 308 })).toBe('131052-308T');
  });

  it('writes the oracle\'s code, which parses back to the same parts, with the sign asked for or else the traditional one', () => {
    fc.assert(
      fc.property(arbitraryParts, fc.boolean(), ({ birthDate, individual, sign, code, traditionalCode }, withSign) => {
        const written = formatPersonalIdentityCode({ birthDate, individualNumber: individual, ...(withSign ? { sign } : {}) });
        expect(written).toBe(withSign ? code : traditionalCode);
        expect(parsePersonalIdentityCode(written)).toEqual({ ok: true, code: written, birthDate, individualNumber: individual, temporary: individual >= 900 });
      }),
    );
  });

  it.each([
    ['a birth date before 1800', { birthDate: '1799-12-31', individualNumber: 308 }, '1800–2099'],
    ['a birth date after 2099', { birthDate: '2100-01-01', individualNumber: 308 }, '1800–2099'],
    ['the never-issued individual number 001', { birthDate: '1952-10-13', individualNumber: 1 }, '002–999'],
    ['an individual number past 999', { birthDate: '1952-10-13', individualNumber: 1000 }, '002–999'],
    ['a fractional individual number', { birthDate: '1952-10-13', individualNumber: 308.5 }, '002–999'],
    ['a sign of another century', { birthDate: '1952-10-13', individualNumber: 308, sign: 'A' as const }, 'sign A'],
  ])('throws on %s', (_, parts, message) => {
    expect(() => formatPersonalIdentityCode(parts)).toThrow(message);
  });
});
