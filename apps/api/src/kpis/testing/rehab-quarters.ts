import { addDays, addMonths, type LocalDate, maxRealisedDays, type PathCommand } from '@polku/domain';
import { on } from './kpi-facts-feeder';

/**
 * Rehabilitative work activity days shaped like the seed's: "8,746 realised days in Q1 2024
 * against 7,773 a year earlier" — here Q1 2026 against Q1 2025 (the policies start in 2025).
 * Each client has a period of 4 days a week over the quarter and the county records each
 * month's days at the start of the next; the days are spread so that the quarter sums exactly.
 */
export interface RehabCohort {
  readonly year: number;
  readonly clients: number;
  readonly quarterDays: number;
}

export const COHORTS: readonly RehabCohort[] = [
  { year: 2025, clients: 190, quarterDays: 7_773 },
  { year: 2026, clients: 200, quarterDays: 8_746 },
];
export const MUNICIPALITIES = ['Hämeenlinna', 'Hattula', 'Janakkala'] as const;
const MONTHS = ['01', '02', '03'] as const;
const DAYS_A_WEEK = 4;

export interface RehabPath {
  readonly pathId: string;
  readonly municipality: string;
  /** Realised days by month (`YYYY-MM`), as finally recorded. */
  readonly days: Readonly<Record<string, number>>;
  readonly commands: readonly PathCommand[];
}

/** Month m of a cohort's quarter gets base days, the first `extra` records one more: the sum is the quarter's days. */
function spread(cohort: RehabCohort): number[] {
  const records = cohort.clients * MONTHS.length;
  const base = Math.floor(cohort.quarterDays / records);
  const extra = cohort.quarterDays - base * records;
  return Array.from({ length: records }, (_, index) => base + (index < extra ? 1 : 0));
}

export function rehabPaths(): RehabPath[] {
  return COHORTS.flatMap((cohort) => {
    const days = spread(cohort);
    const start: LocalDate = `${cohort.year}-01-02`;
    return Array.from({ length: cohort.clients }, (_, client): RehabPath => {
      const pathId = `rehab-${cohort.year}-${String(client).padStart(4, '0')}`;
      const municipality = MUNICIPALITIES[client % 3] as string;
      const realised = Object.fromEntries(MONTHS.map((month, m) => [`${cohort.year}-${month}`, days[client * 3 + m] as number]));
      for (const [month, count] of Object.entries(realised)) {
        const max = maxRealisedDays(month === `${cohort.year}-01` ? start : `${month}-01`, lastDay(month), DAYS_A_WEEK);
        if (count > max) throw new Error(`data set: ${count} days in ${month} exceed ${max}`);
      }
      const commands: PathCommand[] = [
        on(start, 'StartPath', { pathId, clientReference: `cref_rehab${cohort.year}${String(client).padStart(8, '0')}`, employmentArea: 'EA-REHAB', municipality, referralSource: 'WELLBEING_COUNTY', registeredOn: start, coachId: 'coach-17', consents: [] }),
        on(start, 'HoldInitialInterview', { heldOn: start, serviceNeed: 'need' }),
        on(start, 'StartAssessment', { startedOn: start }),
        on(start, 'StartSideService', { serviceId: 'rehab-1', kind: 'REHABILITATIVE_WORK_ACTIVITY', provider: 'Oma Häme', startOn: start, plannedEndOn: `${cohort.year}-06-30`, daysPerWeek: DAYS_A_WEEK, hoursPerDay: 5, reviewOn: `${cohort.year}-04-15` }),
        // January is first recorded one day short and corrected with the February record: the later record counts.
        on(`${cohort.year}-02-02`, 'RecordRehabilitativeWorkDays', { serviceId: 'rehab-1', month: `${cohort.year}-01`, realisedDays: (realised[`${cohort.year}-01`] as number) - 1 }),
        on(`${cohort.year}-03-02`, 'RecordRehabilitativeWorkDays', { serviceId: 'rehab-1', month: `${cohort.year}-01`, realisedDays: realised[`${cohort.year}-01`] as number }),
        on(`${cohort.year}-03-02`, 'RecordRehabilitativeWorkDays', { serviceId: 'rehab-1', month: `${cohort.year}-02`, realisedDays: realised[`${cohort.year}-02`] as number }),
        on(`${cohort.year}-04-01`, 'RecordRehabilitativeWorkDays', { serviceId: 'rehab-1', month: `${cohort.year}-03`, realisedDays: realised[`${cohort.year}-03`] as number }),
        // April lies outside the quarter.
        on(`${cohort.year}-05-04`, 'RecordRehabilitativeWorkDays', { serviceId: 'rehab-1', month: `${cohort.year}-04`, realisedDays: 10 }),
      ];
      return { pathId, municipality, days: realised, commands };
    });
  });
}

const lastDay = (month: string): LocalDate => addDays(addMonths(`${month}-01`, 1), -1);
