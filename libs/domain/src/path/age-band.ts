import { addMonths, compareLocalDate, type LocalDate } from '../calendar';
import type { AgeBand } from './path.types';

const YEARS = 12;

/** The client's age band on `on` for a birth date (a birthday on 29.2. falls on 28.2. in other years). */
export function ageBandOn(birthDate: LocalDate, on: LocalDate): AgeBand {
  const reached = (years: number) => compareLocalDate(addMonths(birthDate, years * YEARS), on) <= 0;
  if (!reached(25)) return 'UNDER_25';
  return reached(30) ? 'FROM_30' : 'FROM_25_UNDER_30';
}
