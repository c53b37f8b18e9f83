import { addBusinessDays, compareLocalDate, EXIT_OUTCOMES, type ExitOutcome, GOAL_ATTAINED, isUnder30, type LocalDate } from '@polku/domain';
import type { KpiSegment } from '@polku/contracts';
import type { KpiCounts } from '../kpi-counts';
import type { Period } from '../kpi-period';
import type { SeedPath } from './seed-shaped-clients';

/**
 * The KPI definitions of docs/reporting.md written out plainly over the data set's own list, as
 * the test's independent answer: what each figure must be, as recorded up to `asOf`.
 */
const within = (date: LocalDate | undefined, { from, to }: Period) => date !== undefined && compareLocalDate(date, from) >= 0 && compareLocalDate(date, to) <= 0;
const upTo = (date: LocalDate | undefined, asOf: LocalDate) => (date !== undefined && compareLocalDate(date, asOf) <= 0 ? date : undefined);
// INIT-INTERVIEW (DOMAIN.md): +5 business days for registrations before 1.1.2026, +10 from then on.
const interviewDue = (registeredOn: LocalDate) => addBusinessDays(registeredOn, registeredOn < '2026-01-01' ? 5 : 10);

interface Seen extends SeedPath {
  readonly seenInterview?: LocalDate;
  readonly seenReferral?: LocalDate;
  readonly seenExit?: SeedPath['exit'];
  readonly seen3?: SeedPath['followUp3'];
  readonly seen6?: SeedPath['followUp6'];
}

function asRecordedBy(path: SeedPath, asOf: LocalDate): Seen | undefined {
  if (!upTo(path.registeredOn, asOf)) return undefined;
  return {
    ...path,
    seenInterview: upTo(path.interviewOn, asOf),
    seenReferral: upTo(path.referralOn, asOf),
    seenExit: path.exit && upTo(path.exit.on, asOf) ? path.exit : undefined,
    seen3: path.followUp3 && upTo(path.followUp3.on, asOf) ? path.followUp3 : undefined,
    seen6: path.followUp6 && upTo(path.followUp6.on, asOf) ? path.followUp6 : undefined,
  };
}

function inSegment(path: Seen, segment: KpiSegment, period: Period): boolean {
  if (segment === 'all') return true;
  if (segment === 'multisectoral') return within(path.seenReferral, period);
  if (segment === 'under30') return isUnder30(path.ageBand);
  return `referral:${path.referralSource}` === segment;
}

const served = (path: Seen, { from, to }: Period) => compareLocalDate(path.registeredOn, to) <= 0 && (!path.seenExit || compareLocalDate(path.seenExit.on, from) >= 0);
const distinct = (paths: readonly Seen[]) => new Set(paths.map((path) => path.clientReference)).size;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function countsOf(municipality: string | null, paths: readonly Seen[], period: Period, judgedOn: LocalDate): KpiCounts {
  const exited = paths.filter((path) => within(path.seenExit?.on, period));
  const due = paths.filter((path) => within(interviewDue(path.registeredOn), period));
  const settled = due.filter((path) => path.seenInterview !== undefined || (interviewDue(path.registeredOn) < judgedOn && !(path.seenExit && path.seenExit.on <= interviewDue(path.registeredOn))));
  const planned = paths.filter((path) => within(path.seenInterview, period));
  const days = planned.map((path) => (Date.parse(path.seenInterview as string) - Date.parse(path.registeredOn)) / 86_400_000);
  return {
    municipality,
    clientsServed: distinct(paths),
    newClients: distinct(paths.filter((path) => within(path.registeredOn, period))),
    activeAtEnd: distinct(paths.filter((path) => !path.seenExit || compareLocalDate(path.seenExit.on, period.to) > 0)),
    exits: exited.length,
    exitsByOutcome: Object.fromEntries(EXIT_OUTCOMES.map((outcome) => [outcome, exited.filter((path) => path.seenExit?.outcome === outcome).length])) as Record<ExitOutcome, number>,
    goalAttainedClients: distinct(exited.filter((path) => GOAL_ATTAINED[path.seenExit?.outcome as ExitOutcome])),
    interviewsDue: settled.length,
    interviewsOnTime: due.filter((path) => path.seenInterview !== undefined && path.seenInterview <= interviewDue(path.registeredOn)).length,
    discussionsDue: 0,
    discussionsOnTime: 0,
    plansRecorded: planned.length,
    daysToPlanMedian: median(days),
    daysToPlanMean: days.length === 0 ? null : days.reduce((a, b) => a + b, 0) / days.length,
    followUps3: exited.filter((path) => path.seen3).length,
    inWorkAt3: exited.filter((path) => path.seen3?.inWork).length,
    followUps6: exited.filter((path) => path.seen6).length,
    inWorkAt6: exited.filter((path) => path.seen6?.inWork).length,
    rehabDays: 0,
    rehabClients: 0,
  };
}

/** Per municipality (sorted) and for the area (municipality null), as the query answers. */
export function expectedCounts(paths: readonly SeedPath[], segment: KpiSegment, period: Period, asOf: LocalDate): KpiCounts[] {
  const seen = paths.map((path) => asRecordedBy(path, asOf)).filter((path): path is Seen => path !== undefined);
  const counted = seen.filter((path) => served(path, period) && inSegment(path, segment, period));
  const municipalities = [...new Set(counted.map((path) => path.municipality))].sort();
  return [
    ...municipalities.map((municipality) => countsOf(municipality, counted.filter((path) => path.municipality === municipality), period, asOf)),
    countsOf(null, counted, period, asOf),
  ];
}
