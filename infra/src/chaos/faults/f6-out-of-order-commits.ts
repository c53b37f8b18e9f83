import { decide, eventIdFor, FI_POLICY_VERSIONS, helsinkiDateOf, initialPathState, isDomainError, nameBasedUuid, type PathCommand } from '@polku/domain';
import { appendToStream, type NewEvent } from '@polku/event-store';
import type { Pool } from 'pg';
import { errorText, hold, withTimeout } from '../bounded';
import type { Check, FaultContext, LedgerFault } from '../fault';
import type { SentCommand } from '../sent-command';
import { clientReferenceFor } from '../storm';
import { apiLoad, midStorm } from './support';

const START_AT_SHARE = 0.1;
/** A held transaction must have written its rows within this long. */
const INSIDE_WITHIN_MS = 30_000;
const ACTOR = { userId: 'chaos.coach', role: 'coach' } as const;

interface Gate {
  readonly opened: Promise<void>;
  open(): void;
}

function gate(): Gate {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** A path's first events as the decider makes them (default policy: nothing falls due during the run). */
function startEvents(pathId: string, employmentArea: string): NewEvent[] {
  const occurredAt = new Date().toISOString();
  const command: PathCommand = {
    type: 'StartPath',
    data: { pathId, clientReference: clientReferenceFor(pathId), employmentArea, municipality: 'Hattula', referralSource: 'SELF_REGISTRATION', registeredOn: helsinkiDateOf(occurredAt), coachId: ACTOR.userId, consents: [] },
    metadata: { occurredAt, actor: ACTOR, correlationId: `chaos-${pathId}` },
  };
  const events = decide(command, initialPathState, FI_POLICY_VERSIONS);
  if (isDomainError(events)) throw new Error(`StartPath refused: ${events.code}`);
  return events.map((event, index) => ({ eventId: eventIdFor(pathId, index + 1), type: event.type, data: event.data, metadata: event.metadata as unknown as Record<string, unknown> }));
}

/**
 * Appends a path's first events in a transaction that stays open (rows written, not committed)
 * until `release` opens; `inside` opens once the rows are written.
 */
async function heldAppend(pool: Pool, pathId: string, area: string, inside: Gate, release: Promise<void>): Promise<SentCommand> {
  const label = 'direct append in a held transaction';
  try {
    const holdOpen = async (): Promise<void> => {
      inside.open();
      await release;
    };
    await appendToStream(pool, pathId, 0, startEvents(pathId, area), { beforeCommit: holdOpen });
    return { label, key: pathId, acked: true, attempts: 1, effect: { type: 'PathStarted', streamId: pathId } };
  } catch (error) {
    inside.open();
    return { label, key: pathId, acked: false, attempts: 1, effect: { type: 'PathStarted', streamId: pathId }, failure: errorText(error) };
  }
}

function entered(inside: Gate): Promise<void> {
  return withTimeout(inside.opened, INSIDE_WITHIN_MS, 'a held append writing its rows');
}

const pairOf = (ctx: FaultContext, i: number): [string, string] => ['a', 'b'].map((side) => nameBasedUuid(`${ctx.tag}/ooo/${i}/${side}`)) as [string, string];

/** Pair i: A writes first and commits after B, so B's events sit above A's in position but commit first. */
async function outOfOrderPair(ctx: FaultContext, i: number): Promise<SentCommand[]> {
  const [a, b] = pairOf(ctx, i);
  const insideA = gate();
  const releaseA = gate();
  const first = heldAppend(ctx.pool, a, ctx.area, insideA, releaseA.opened);
  await entered(insideA);
  const second = await heldAppend(ctx.pool, b, ctx.area, gate(), Promise.resolve());
  releaseA.open();
  return [await first, second];
}

/**
 * The fault happened as meant: each pair's first path sits below its second in the global log
 * though it committed after it, and the long transaction's rows below every pair's.
 */
async function outOfOrder(ctx: FaultContext, pairs: readonly (readonly [string, string])[], long: string): Promise<Check> {
  const { rows } = await ctx.pool.query<{ id: string; position: string }>('SELECT stream_id AS id, global_position::text AS position FROM events WHERE stream_id = ANY($1) AND stream_version = 1', [[long, ...pairs.flat()]]);
  const position = new Map(rows.map((row) => [row.id, Number(row.position)]));
  const at = (id: string): number => position.get(id) ?? Number.NaN;
  const crossed = pairs.filter(([a, b]) => at(a) < at(b) && at(long) < at(b)).length;
  return { name: 'commits landed out of position order', passed: crossed === pairs.length && pairs.length > 0, detail: `${crossed} of ${pairs.length} pairs committed above a transaction still open` };
}

/**
 * F6: commits out of position order and one long open transaction, written straight into the
 * store while the load runs; the relay and the projections must still take every event in.
 */
export const outOfOrderCommits: LedgerFault = {
  kind: 'ledger',
  id: 'F6',
  title: 'out-of-order commits + long transaction',
  load: (profile) => ({ stormPaths: profile.stormPaths, api: apiLoad(profile) }),
  async inject(ctx) {
    await midStorm(ctx, ctx.profile.stormPaths, START_AT_SHARE);
    const longInside = gate();
    const longRelease = gate();
    const opened = Date.now();
    const longId = nameBasedUuid(`${ctx.tag}/long`);
    const long = heldAppend(ctx.pool, longId, ctx.area, longInside, longRelease.opened);
    const commands: SentCommand[] = [];
    try {
      await entered(longInside);
      ctx.progress(`F6: a transaction holds its rows open for ${ctx.profile.longTransactionMs / 1000} s; ${ctx.profile.outOfOrderPairs} out-of-order pairs meanwhile`);
      for (let i = 0; i < ctx.profile.outOfOrderPairs; i++) commands.push(...(await outOfOrderPair(ctx, i)));
      await hold(opened + ctx.profile.longTransactionMs - Date.now(), ctx.signal); // the long transaction itself
    } finally {
      longRelease.open();
      commands.push(await long);
    }
    const endedAt = Date.now();
    const pairs = Array.from({ length: ctx.profile.outOfOrderPairs }, (_, i) => pairOf(ctx, i));
    return { endedAt, commands, checks: [await outOfOrder(ctx, pairs, longId)], notes: [`${commands.length} direct appends: ${pairs.length} pairs committed out of order, one transaction held open ${ctx.profile.longTransactionMs / 1000} s`] };
  },
};
