import type { LocalDate } from '../calendar';
import { daysInMonth, fromParts, toParts } from '../calendar/local-date';

/**
 * The Finnish personal identity code (henkilötunnus), DOMAIN.md "Identity and personal data":
 * `DDMMYY` + century sign + `ZZZ` + check character. Since 2023 several signs share a century,
 * and the sign tells two people apart, so the whole canonical code is the identity.
 */
export type PersonalIdentityCodeParse =
  | { readonly ok: true; readonly code: string; readonly birthDate: LocalDate; readonly individualNumber: number; readonly temporary: boolean }
  | { readonly ok: false; readonly reason: PersonalIdentityCodeRejection };

export type PersonalIdentityCodeRejection = 'FORMAT' | 'CENTURY_SIGN' | 'DATE' | 'INDIVIDUAL_NUMBER' | 'CHECK_CHARACTER';

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

const CENTURY_BY_SIGN = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
} as const;

export type CenturySign = keyof typeof CENTURY_BY_SIGN;

/** The sign a code of the century carried before 2023, chosen when no other is asked for. */
const TRADITIONAL_SIGN_BY_CENTURY: Readonly<Record<number, CenturySign>> = { 1800: '+', 1900: '-', 2000: 'A' };

// Any letter or +/- as the sign and any letter or digit as the check character pass the shape,
// so a wrong sign or check character is reported as such rather than as FORMAT.
const SHAPE = /^(\d{2})(\d{2})(\d{2})([A-Z+-])(\d{3})([0-9A-Z])$/;

/** Issued individual numbers: 002–899 ordinary, 900–999 temporary; 000 and 001 never. */
const FIRST_INDIVIDUAL_NUMBER = 2;
const FIRST_TEMPORARY_NUMBER = 900;
const LAST_INDIVIDUAL_NUMBER = 999;

const isCenturySign = (sign: string): sign is CenturySign => Object.hasOwn(CENTURY_BY_SIGN, sign);
const checkCharacterOf = (ddmmyyzzz: string): string => CHECK_CHARACTERS.charAt(Number(ddmmyyzzz) % 31);

export function parsePersonalIdentityCode(input: string): PersonalIdentityCodeParse {
  const code = input.trim().toUpperCase();
  const match = SHAPE.exec(code);
  if (!match) return { ok: false, reason: 'FORMAT' };
  const [, dd = '', mm = '', yy = '', sign = '', zzz = '', check = ''] = match;
  if (!isCenturySign(sign)) return { ok: false, reason: 'CENTURY_SIGN' };
  const year = CENTURY_BY_SIGN[sign] + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'DATE' };
  const individualNumber = Number(zzz);
  if (individualNumber < FIRST_INDIVIDUAL_NUMBER) return { ok: false, reason: 'INDIVIDUAL_NUMBER' };
  if (checkCharacterOf(dd + mm + yy + zzz) !== check) return { ok: false, reason: 'CHECK_CHARACTER' };
  const birthDate = fromParts({ year, month, day });
  return { ok: true, code, birthDate, individualNumber, temporary: individualNumber >= FIRST_TEMPORARY_NUMBER };
}

export interface PersonalIdentityCodeParts {
  readonly birthDate: LocalDate;
  /** 002–899 ordinary, 900–999 temporary. */
  readonly individualNumber: number;
  /** One of the birth century's signs; the traditional one (`+`, `-`, `A`) when left out. */
  readonly sign?: CenturySign;
}

/**
 * The canonical code of a birth date and individual number, for synthetic data (tests,
 * benchmarks, fuzzing): `{ birthDate: '1952-10-13', individualNumber: 308 }` → `131052-308T`.
 * Throws on parts no code can carry: callers build them, so that is a bug of theirs.
 */
export function formatPersonalIdentityCode({ birthDate, individualNumber, sign }: PersonalIdentityCodeParts): string {
  const { year, month, day } = toParts(birthDate);
  const century = Math.floor(year / 100) * 100;
  const traditional = TRADITIONAL_SIGN_BY_CENTURY[century];
  if (traditional === undefined) throw new Error(`No personal identity code for a birth date in ${year}: codes cover 1800–2099`);
  if (sign !== undefined && CENTURY_BY_SIGN[sign] !== century) throw new Error(`The century sign ${sign} is not for a birth date in ${year}`);
  if (!Number.isInteger(individualNumber) || individualNumber < FIRST_INDIVIDUAL_NUMBER || individualNumber > LAST_INDIVIDUAL_NUMBER) {
    throw new Error(`No personal identity code with the individual number ${individualNumber}: codes use 002–999`);
  }
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const ddmmyy = `${pad(day)}${pad(month)}${pad(year % 100)}`;
  const zzz = pad(individualNumber, 3);
  return `${ddmmyy}${sign ?? traditional}${zzz}${checkCharacterOf(ddmmyy + zzz)}`;
}

/**
 * For display and support: only the century sign and the check character remain
 * (`131052-308T` → `******-***T`). Anything not shaped like a code is masked entirely, so a
 * typo can never leak the digits it does contain.
 */
export function maskPersonalIdentityCode(code: string): string {
  const match = SHAPE.exec(code.trim().toUpperCase());
  if (!match) return '*'.repeat(11);
  return `******${match[4] ?? '*'}***${match[6] ?? '*'}`;
}
