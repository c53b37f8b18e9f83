import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { allowedCommands, StartPathRequestSchema, type StartPathRequest, toPathView } from '@polku/contracts';
import { helsinkiDateOf, maskPersonalIdentityCode, parsePersonalIdentityCode, type PathCommand, type PersonalIdentityCodeRejection } from '@polku/domain';
import { IdentityVault } from '@polku/identity';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ApiError } from '../http/api-error';
import { CommandContext } from '../http/command-context';
import type { Request } from 'express';
import { ZodPipe } from '../http/zod.pipe';
import { PathCommands } from './path-commands';
import { startedOrFail } from './path-answer';

const WHY: Record<PersonalIdentityCodeRejection, string> = {
  FORMAT: 'it must be DDMMYY, a century sign, three digits and a check character',
  CENTURY_SIGN: 'the century sign must be +, -, Y, X, W, V, U or A–F',
  DATE: 'its date does not exist',
  INDIVIDUAL_NUMBER: 'its individual number must be 002–999',
  CHECK_CHARACTER: 'its check character does not match',
};

@Controller('paths')
export class StartPathController {
  constructor(
    private readonly commands: PathCommands,
    private readonly context: CommandContext,
    private readonly vault: IdentityVault,
  ) {}

  /**
   * Registers the client (the identity code is sealed in the vault; only the client reference
   * goes on) and starts the path: workflow and StartPath in one call, answered as stored.
   */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Roles(['intake', 'coach'])
  async start(@Body(new ZodPipe(StartPathRequestSchema)) body: StartPathRequest, @CurrentUser() user: StaffUser, @Req() request: Request) {
    const parsed = parsePersonalIdentityCode(body.identityCode);
    if (!parsed.ok) {
      const message = `The personal identity code is not valid: ${WHY[parsed.reason]}.`;
      throw new ApiError(HttpStatus.BAD_REQUEST, { code: 'IDENTITY.INVALID_CODE', message, issues: [{ path: 'identityCode', message }] });
    }
    const { clientReference } = await this.vault.register(parsed.code);
    const pathId = this.context.newPathIdOf(request, user);
    const metadata = this.context.metadataOf(request, user);
    const { identityCode: _sealed, ...rest } = body;
    const command: PathCommand & { type: 'StartPath' } = {
      type: 'StartPath',
      data: { ...rest, pathId, clientReference, employmentArea: user.employmentArea, registeredOn: helsinkiDateOf(metadata.occurredAt), consents: [] },
      metadata,
    };
    const state = startedOrFail(await this.commands.start(command, this.context.updateIdOf(request, user)));
    return {
      pathId,
      clientReference,
      identity: { status: 'HELD', masked: maskPersonalIdentityCode(parsed.code) },
      path: toPathView(state),
      allowedCommands: allowedCommands(state, user.role),
    };
  }
}
