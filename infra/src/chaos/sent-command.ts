/**
 * What the ledger looks for in the event store for one command: its effect, found by data the
 * command alone carries (a new path's id, a consent scope naming the Idempotency-Key), so a
 * command applied twice shows as two events and a lost one as none — whatever the workflow
 * does with the command id.
 */
export type Effect =
  | { readonly type: 'PathStarted'; readonly streamId: string }
  | { readonly type: 'ConsentRecorded'; readonly streamId: string; readonly scope: string };

export interface SentCommand {
  /** Route or call, for the report: `POST /paths/{id}/record-consent`, `StartPath update`, … */
  readonly label: string;
  readonly key: string;
  /** Absent when it cannot be known (a path start never answered names no path). */
  readonly effect?: Effect;
  /** Answered 2xx (an Update: completed) — the client was told it happened. */
  readonly acked: boolean;
  readonly attempts: number;
  readonly failure?: string;
}
