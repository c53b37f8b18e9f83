import type { ExitOutcome } from '@polku/domain';

/**
 * The exact figures of one municipality (or the whole area: `municipality` null) in one period,
 * as the facts count them (docs/reporting.md). They never leave the API: kpi-disclosure.ts
 * publishes them.
 */
export interface KpiCounts {
  readonly municipality: string | null;
  /** Distinct clients with a path open on any day of the period. */
  readonly clientsServed: number;
  /** Distinct clients registered in the period. */
  readonly newClients: number;
  /** Distinct clients with a path open on the period's last day. */
  readonly activeAtEnd: number;
  /** Exits in the period (a path counts its latest exit). */
  readonly exits: number;
  readonly exitsByOutcome: Readonly<Record<ExitOutcome, number>>;
  /** Distinct clients whose path exited in the period with a goal-attained outcome. */
  readonly goalAttainedClients: number;
  /** Initial interviews due in the period and settled by the judging day: held, or missed. */
  readonly interviewsDue: number;
  readonly interviewsOnTime: number;
  /** Job-search discussions due in the period and settled: held in time, or missed. */
  readonly discussionsDue: number;
  readonly discussionsOnTime: number;
  /** First employment plans recorded in the period, and the days from registration to them. */
  readonly plansRecorded: number;
  readonly daysToPlanMedian: number | null;
  readonly daysToPlanMean: number | null;
  /** Of the exits in the period: those followed up at 3 (6) months, and those in work or study then. */
  readonly followUps3: number;
  readonly inWorkAt3: number;
  readonly followUps6: number;
  readonly inWorkAt6: number;
  /** Realised rehabilitative work activity days of the months wholly in the period, and the clients behind them. */
  readonly rehabDays: number;
  readonly rehabClients: number;
}
