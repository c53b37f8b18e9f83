import { addDays, daysBetween, formatPersonalIdentityCode } from '@polku/domain';

// Birth dates 1960–2005 × individual numbers 002–899: ≈15 M codes, walked from a random point,
// so no two requests of a run, and almost surely no two runs, share a client.
const FIRST_BIRTH_DATE = '1960-01-01';
const BIRTH_DATES = daysBetween(FIRST_BIRTH_DATE, '2005-12-31') + 1;
const NUMBERS = 898;
const FIRST_NUMBER = 2;

/** Valid personal identity codes nobody else in the run has, for data that tooling creates. */
export class IdentityCodes {
  private next = Math.floor(Math.random() * BIRTH_DATES * NUMBERS);

  take(): string {
    const index = this.next++ % (BIRTH_DATES * NUMBERS);
    const birthDate = addDays(FIRST_BIRTH_DATE, Math.floor(index / NUMBERS));
    return formatPersonalIdentityCode({ birthDate, individualNumber: FIRST_NUMBER + (index % NUMBERS) });
  }
}
