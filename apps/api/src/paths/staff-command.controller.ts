import { Body, Controller, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { allowedCommands, PathIdParamSchema, staffCommandByRoute, toPathView, type StaffCommandSpec } from '@polku/contracts';
import type { PathCommand } from '@polku/domain';
import type { Request } from 'express';
import { CurrentUser } from '@polku/auth';
import type { StaffUser } from '../auth/staff-user';
import { ApiError } from '../http/api-error';
import { CommandContext } from './command-context';
import { ZodParamPipe, ZodPipe } from '../http/zod.pipe';
import { startedOrFail } from './path-answer';
import { PathWorkflowClient } from './path-workflow.client';
import { Metrics } from '../operations/metrics';
import { PATH_NOT_FOUND, PathStore } from './path-store';

/** `POST /paths/{pathId}/{command}`: every staff command, each the path workflow's Update. */
@Controller('paths')
export class StaffCommandController {
  constructor(
    private readonly workflows: PathWorkflowClient,
    private readonly context: CommandContext,
    private readonly paths: PathStore,
    private readonly metrics: Metrics,
  ) {}

  @Post(':pathId/:command')
  @HttpCode(HttpStatus.OK)
  async send(
    @Param('pathId', new ZodParamPipe(PathIdParamSchema, PATH_NOT_FOUND)) pathId: string,
    @Param('command') route: string,
    @Body() body: unknown,
    @CurrentUser() user: StaffUser,
    @Req() request: Request,
  ) {
    const spec = commandFor(route, user);
    const data = new ZodPipe(spec.body).transform(body ?? {});
    await this.paths.assertVisible(user, pathId);
    const command = { type: spec.type, data, metadata: this.context.metadataOf(request, user) } as PathCommand;
    try {
      const state = startedOrFail(await this.workflows.send(pathId, command, this.context.updateIdOf(request, user)));
      this.metrics.commands.inc({ command: spec.type, outcome: 'ok' });
      return { path: toPathView(state), allowedCommands: allowedCommands(state, user.role) };
    } catch (error) {
      const code = (error as { getResponse?: () => { code?: string } }).getResponse?.().code ?? 'INTERNAL';
      this.metrics.commands.inc({ command: spec.type, outcome: code });
      throw error;
    }
  }
}

function commandFor(route: string, user: StaffUser): StaffCommandSpec {
  const spec = staffCommandByRoute(route);
  if (!spec) throw new ApiError(HttpStatus.NOT_FOUND, { code: 'ROUTE.NOT_FOUND', message: 'There is no such command.' });
  if (!spec.roles.includes(user.role)) {
    throw new ApiError(HttpStatus.FORBIDDEN, { code: 'AUTH.FORBIDDEN_ROLE', message: `This command needs one of the roles: ${spec.roles.join(', ')}.` });
  }
  return spec;
}
