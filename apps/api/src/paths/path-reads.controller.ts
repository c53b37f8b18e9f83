import { Controller, Get, Param, Query } from '@nestjs/common';
import { allowedCommands, ListPathsQuerySchema, PathIdParamSchema, toPathView, toTimelineEntry, type ListPathsQuery } from '@polku/contracts';
import { toPathEvent } from '@polku/event-store';
import { IdentityVault } from '@polku/identity';
import { AccessLog } from '../audit/access-log';
import { CurrentUser } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ZodParamPipe, ZodPipe } from '../http/zod.pipe';
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

  /** One path as the event store has it: the state folded from its events, and the events as a timeline. */
  @Get(':pathId')
  async get(@Param('pathId', new ZodParamPipe(PathIdParamSchema, PATH_NOT_FOUND)) pathId: string, @CurrentUser() user: StaffUser) {
    const { state, events } = await this.paths.load(pathId);
    await this.paths.assertVisible(user, pathId, state);
    await this.access.record(user, { action: 'PATH_READ', clientReference: state.clientReference, pathId, purpose: 'read a path (GET /paths/{pathId})' });
    return {
      path: toPathView(state),
      identity: (await this.vault.status(state.clientReference)) ?? null,
      timeline: events.map((event) => toTimelineEntry(event.streamVersion, toPathEvent(event))),
      allowedCommands: allowedCommands(state, user.role),
    };
  }
}
