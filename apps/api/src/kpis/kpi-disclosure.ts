import type { KpiExits, KpiMonth } from '@polku/contracts';

/**
 * What a KPI answer may show (docs/erasure.md, "Statistics: small cells"). Figures are counts of
 * people, and a small one can point at a person (DOMAIN.md: statistics that remain must not
 * identify anyone). The rule:
 *
 * 1. A count of 1–4 is suppressed: null (the console shows "<5"). 0 is shown: it names nobody.
 * 2. Every other count is rounded down to a multiple of 5 (5–9 → 5, 10–14 → 10, …). The counts
 *    are linked (served = active + exits; served this month = active last month + new; exits =
 *    the sum of its outcomes), so exact figures would give a suppressed cell back as a total
 *    minus its parts. Rounded down, each figure hides 0–4 people, so a difference of two
 *    published figures leaves every value 1–4 possible for the cell it would reveal.
 * 3. Shares are computed from the published counts, so they reveal nothing the counts do not;
 *    a share of counts not published (interviews, follow-ups) needs both to be publishable.
 * 4. An average is shown only over 5 or more people.
 *
 * Deterministic, so asking again (or for another period) never averages the rounding away.
 */
export const SMALLEST_SHOWN = 5;

export function publishCount(count: number): number | null {
  if (count === 0) return 0;
  if (count < SMALLEST_SHOWN) return null;
  return Math.floor(count / SMALLEST_SHOWN) * SMALLEST_SHOWN;
}

/** A share of two published counts, to four decimals; null when either is suppressed or nobody is counted. */
export function publishShare(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** The exact figures of one municipality and month, as the kpi_monthly view counts them. */
export interface KpiMonthCounts {
  readonly municipality: string;
  readonly month: string;
  readonly clientsServed: number;
  readonly newClients: number;
  readonly activePaths: number;
  readonly exits: number;
  readonly goalAttainedExits: number;
  readonly interviewsDue: number;
  readonly interviewsOnTime: number;
  readonly plansRecorded: number;
  readonly avgDaysToPlan: number | null;
  readonly followUps3: number;
  readonly inWorkAt3: number;
  readonly followUps6: number;
  readonly inWorkAt6: number;
}

export function publishMonth(counts: KpiMonthCounts): KpiMonth {
  const clientsServed = publishCount(counts.clientsServed);
  const goalAttainedExits = publishCount(counts.goalAttainedExits);
  return {
    municipality: counts.municipality,
    month: counts.month,
    clientsServed,
    newClients: publishCount(counts.newClients),
    activePaths: publishCount(counts.activePaths),
    exits: publishCount(counts.exits),
    goalAttainedExits,
    goalAttainedShare: publishShare(goalAttainedExits, clientsServed),
    interviewOnTimeShare: publishShare(publishCount(counts.interviewsOnTime), publishCount(counts.interviewsDue)),
    avgDaysToPlan: counts.plansRecorded >= SMALLEST_SHOWN ? counts.avgDaysToPlan : null,
    inWorkShare3: publishShare(publishCount(counts.inWorkAt3), publishCount(counts.followUps3)),
    inWorkShare6: publishShare(publishCount(counts.inWorkAt6), publishCount(counts.followUps6)),
  };
}

export function publishExits(row: Omit<KpiExits, 'exits'> & { readonly exits: number }): KpiExits {
  return { ...row, exits: publishCount(row.exits) };
}
