import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { allowedCommands, ListPathsQuerySchema, PathAsOfQuerySchema, PathIdParamSchema, toPathView, toTimelineEntry, type ListPathsQuery, type PathAsOfQuery } from '@polku/contracts';
import { addDays, helsinkiInstant } from '@polku/domain';
import { toPathEvent } from '@polku/event-store';
import { IdentityVault } from '@polku/identity';
import { AccessLog } from '../audit/access-log';
import { CurrentUser } from '@polku/auth';
import type { StaffUser } from '../auth/staff-user';
import { ApiError } from '../http/api-error';
import { ZodParamPipe, ZodPipe } from '../http/zod.pipe';
import { helsinkiToday } from './wellbeing-visibility';
import { PathSummariesQuery } from './path-summaries.query';
import { PATH_NOT_FOUND, PathStore } from './path-store';

@Controller('paths')
export class PathReadsController {
  constructor(
    private readonly summaries: PathSummariesQuery,
    private readonly paths: PathStore,
    private readonly vault: IdentityVault,
    private readonly access: AccessLog,
  ) {}

  /** Paths of the caller's area from the path-summaries projection, filtered and paginated. */
  @Get()
  list(@Query(new ZodPipe(ListPathsQuerySchema, 'query')) query: ListPathsQuery, @CurrentUser() user: StaffUser) {
    const { limit, cursor, ...filters } = query;
    return this.summaries.page(user.employmentArea, { ...filters, sharedWithWellbeingOnly: user.role === 'wellbeing' }, limit, cursor);
  }

  /**
   * One path as the event store has it: the state folded from its events, and the events as a
   * timeline; with `asOf`, as the events recorded up to the end of that day (Helsinki) had it.
   * Who may see it is judged on the path as it is now; a past state offers no commands.
   */
  @Get(':pathId')
  async get(
    @Param('pathId', new ZodParamPipe(PathIdParamSchema, PATH_NOT_FOUND)) pathId: string,
    @Query(new ZodPipe(PathAsOfQuerySchema, 'query')) query: PathAsOfQuery,
    @CurrentUser() user: StaffUser,
  ) {
    const now = await this.paths.load(pathId);
    await this.paths.assertVisible(user, pathId, now.state);
    const asOf = query.asOf ?? null;
    if (asOf !== null && (asOf > helsinkiToday() || asOf < EARLIEST_AS_OF)) throw invalidAsOf();
    const { state, events } = asOf === null ? now : PathStore.asRecordedBefore(now.events, helsinkiInstant(addDays(asOf, 1), 0));
    await this.access.record(user, { action: 'PATH_READ', clientReference: state.clientReference, pathId, purpose: 'read a path (GET /paths/{pathId})' });
    return {
      path: toPathView(state),
      identity: (await this.vault.status(state.clientReference)) ?? null,
      timeline: events.map((event) => toTimelineEntry(event.streamVersion, toPathEvent(event))),
      allowedCommands: asOf === null ? allowedCommands(state, user.role) : [],
      asOf,
    };
  }
}

// Before the first day a path's events may carry (the decider's span), there is nothing to show.
const EARLIEST_AS_OF = '1900-01-01';
const AS_OF_RANGE = `asOf must be a day from ${EARLIEST_AS_OF} to today.`;

function invalidAsOf(): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, { code: 'VALIDATION.INVALID_QUERY', message: AS_OF_RANGE, issues: [{ path: 'asOf', message: AS_OF_RANGE }] });
}
