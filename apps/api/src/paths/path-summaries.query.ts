import { Injectable } from '@nestjs/common';
import type { ListPathsQuery, PathSummary } from '@polku/contracts';
import { Pool } from 'pg';
import { z } from 'zod';
import { helsinkiToday, sharedWithWellbeing } from './wellbeing-visibility';

interface Page {
  readonly items: PathSummary[];
  readonly nextCursor: string | null;
}

type Filters = Omit<ListPathsQuery, 'limit' | 'cursor'> & {
  readonly openOnly?: boolean;
  /** Wellbeing-county staff list only the paths they may see today (the domain's sharing rule). */
  readonly sharedWithWellbeingOnly?: boolean;
};

const SELECT = `SELECT s.path_id AS "pathId", s.client_reference AS "clientReference", s.municipality, s.coach_id AS "coachId",
       s.status, s.stage, to_char(s.registered_on, 'YYYY-MM-DD') AS "registeredOn",
       to_char(s.interview_held_on, 'YYYY-MM-DD') AS "interviewHeldOn", to_char(s.exited_on, 'YYYY-MM-DD') AS "exitedOn",
       s.outcome, (SELECT count(*)::int FROM overdue_deadlines o WHERE o.path_id = s.path_id) AS overdue,
       s.version, to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
  FROM path_summaries s`;

/** Pages of path summaries (the projection), newest registration first, always within one area. */
@Injectable()
export class PathSummariesQuery {
  constructor(private readonly pool: Pool) {}

  async page(area: string, filters: Filters, limit: number, cursor?: string): Promise<Page> {
    const where = ['s.employment_area = $1'];
    const values: unknown[] = [area];
    const add = (clause: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(clause(`$${values.length}`));
    };
    if (filters.status) add((n) => `s.status = ${n}`, filters.status);
    if (filters.stage) add((n) => `s.stage = ${n}`, filters.stage);
    if (filters.coachId) add((n) => `s.coach_id = ${n}`, filters.coachId);
    if (filters.municipality) add((n) => `s.municipality = ${n}`, filters.municipality);
    if (filters.openOnly) where.push(`s.status <> 'EXITED'`);
    if (filters.sharedWithWellbeingOnly) add((n) => sharedWithWellbeing('s.path_id', n), helsinkiToday());
    if (filters.overdue) where.push(`${filters.overdue === 'true' ? '' : 'NOT '}EXISTS (SELECT 1 FROM overdue_deadlines o WHERE o.path_id = s.path_id)`);
    const after = decodeCursor(cursor);
    if (after) {
      values.push(after.r, after.p);
      where.push(`(s.registered_on, s.path_id) < ($${values.length - 1}::date, $${values.length})`);
    }
    values.push(limit + 1);
    const { rows } = await this.pool.query<PathSummary>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY s.registered_on DESC, s.path_id DESC LIMIT $${values.length}`,
      values,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ r: last.registeredOn, p: last.pathId }) : null };
  }
}

interface Cursor {
  readonly r: string;
  readonly p: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

// What a cursor the API issued holds: the last row's registration date and path id.
const CursorSchema = z.object({ r: z.iso.date().refine((date) => date >= '1900-01-01' && date < '2200-01-01'), p: z.uuid() });

/** A cursor the API did not issue reads as "from the start" rather than failing. */
function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
