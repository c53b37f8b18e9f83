import { KPI_SMALLEST_SHOWN, type KpiChange, type KpiFigures } from '@polku/contracts';
import { EXIT_OUTCOMES } from '@polku/domain';
import type { KpiCounts } from './kpi-counts';

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
 * Deterministic, so asking again (or for another period) never averages the rounding away. The
 * threshold, 5, is KPI_SMALLEST_SHOWN of the contracts, published in every answer.
 */
export function publishCount(count: number): number | null {
  if (count === 0) return 0;
  if (count < KPI_SMALLEST_SHOWN) return null;
  return Math.floor(count / KPI_SMALLEST_SHOWN) * KPI_SMALLEST_SHOWN;
}

/** A share of two published counts, to four decimals; null when either is suppressed or nobody is counted. */
export function publishShare(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** The figures of one municipality or the area as they may leave the API. */
export function publishFigures(counts: KpiCounts): KpiFigures {
  const clientsServed = publishCount(counts.clientsServed);
  const goalAttainedClients = publishCount(counts.goalAttainedClients);
  const ratio = (part: number, whole: number) => publishShare(publishCount(part), publishCount(whole));
  const overEnoughPlans = (value: number | null) => (counts.plansRecorded >= KPI_SMALLEST_SHOWN && value !== null ? Math.round(value * 10) / 10 : null);
  return {
    municipality: counts.municipality,
    clientsServed,
    newClients: publishCount(counts.newClients),
    activeAtEnd: publishCount(counts.activeAtEnd),
    exits: publishCount(counts.exits),
    exitsByOutcome: Object.fromEntries(EXIT_OUTCOMES.map((outcome) => [outcome, publishCount(counts.exitsByOutcome[outcome])])) as KpiFigures['exitsByOutcome'],
    goalAttainedClients,
    goalAttainedShare: publishShare(goalAttainedClients, clientsServed),
    interviewOnTimeShare: ratio(counts.interviewsOnTime, counts.interviewsDue),
    discussionOnTimeShare: ratio(counts.discussionsOnTime, counts.discussionsDue),
    daysToPlanMedian: overEnoughPlans(counts.daysToPlanMedian),
    daysToPlanMean: overEnoughPlans(counts.daysToPlanMean),
    inWorkShare3: ratio(counts.inWorkAt3, counts.followUps3),
    inWorkShare6: ratio(counts.inWorkAt6, counts.followUps6),
    // Days are not people, but few clients behind a sum point at them: shown over 5 or more clients.
    rehabDays: counts.rehabClients === 0 ? 0 : counts.rehabClients >= KPI_SMALLEST_SHOWN ? counts.rehabDays : null,
  };
}

const CHANGED = ['clientsServed', 'newClients', 'activeAtEnd', 'exits', 'goalAttainedClients', 'goalAttainedShare', 'interviewOnTimeShare', 'discussionOnTimeShare',
  'daysToPlanMedian', 'daysToPlanMean', 'inWorkShare3', 'inWorkShare6', 'rehabDays'] as const satisfies readonly (keyof KpiChange)[];

/**
 * Current minus a year earlier, of the published figures only (so a change reveals nothing the
 * figures do not); null where either is not shown. Shares change in share points.
 */
export function changeOf(current: KpiFigures, previous: KpiFigures): KpiChange {
  const difference = (now: number | null, then: number | null) => (now === null || then === null ? null : Math.round((now - then) * 10_000) / 10_000);
  return Object.fromEntries(CHANGED.map((figure) => [figure, difference(current[figure], previous[figure])])) as unknown as KpiChange;
}
