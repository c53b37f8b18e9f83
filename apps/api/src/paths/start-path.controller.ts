import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { allowedCommands, PathFailureTypes, StartPathRequestSchema, type StartPathRequest, toPathView, type TransferRequested } from '@polku/contracts';
import { ageBandOn, helsinkiDateOf, maskPersonalIdentityCode, parsePersonalIdentityCode, type PathCommand, type PathState, type PersonalIdentityCodeRejection } from '@polku/domain';
import { IdentityVault } from '@polku/identity';
import { CurrentUser, Roles } from '@polku/auth';
import type { StaffUser } from '../auth/staff-user';
import { ApiError } from '../http/api-error';
import { CommandContext } from './command-context';
import type { Request, Response } from 'express';
import { ZodPipe } from '../http/zod.pipe';
import { PathWorkflowClient } from './path-workflow.client';
import { startedOrFail } from './path-answer';
import { TransferRequests } from './transfer-requests';
import { AccessLog } from '../audit/access-log';

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
    private readonly workflows: PathWorkflowClient,
    private readonly context: CommandContext,
    private readonly vault: IdentityVault,
    private readonly access: AccessLog,
    private readonly transfers: TransferRequests,
  ) {}

  /**
   * Registers the client (the identity code is sealed in the vault; only the client reference
   * goes on) and starts the path: workflow and StartPath in one call, answered as stored. Every
   * lookup is in the access log and limited per user. A client whose active path another area
   * holds gets a transfer request (202), so the answer never tells that (or where) they are a
   * client elsewhere; a second active path in one's own area is the usual 409.
   */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Roles(['intake', 'coach'])
  async start(@Body(new ZodPipe(StartPathRequestSchema)) body: StartPathRequest, @CurrentUser() user: StaffUser, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const { code, birthDate } = validCode(body.identityCode);
    await this.access.assertLookupAllowed(user);
    const { clientReference } = await this.vault.register(code);
    await this.access.record(user, { action: 'IDENTITY_LOOKUP', clientReference, purpose: 'register a client (POST /paths)' });
    const pathId = this.context.newPathIdOf(request, user);
    const metadata = this.context.metadataOf(request, user);
    const { identityCode: _sealed, ...rest } = body;
    const registeredOn = helsinkiDateOf(metadata.occurredAt);
    // Only the age band leaves intake (the KPI segment "under-30s"), never the birth date.
    const ageBand = ageBandOn(birthDate, registeredOn);
    const command: PathCommand & { type: 'StartPath' } = {
      type: 'StartPath',
      data: { ...rest, pathId, clientReference, employmentArea: user.employmentArea, registeredOn, ageBand, consents: [] },
      metadata,
    };
    const transfer = () => this.transferIfHeldElsewhere(user, clientReference, body.municipality, response);
    const requested = await transfer();
    if (requested) return requested;
    let state: PathState;
    try {
      state = await this.workflows.start(command, this.context.updateIdOf(request, user));
    } catch (error) {
      // Another area started the client's path since we looked: the same answer as if it had been first.
      const raced = isConflictOf(error, PathFailureTypes.clientHasActivePath) ? await transfer() : undefined;
      if (raced) return raced;
      throw error;
    }
    const started = startedOrFail(state);
    return {
      pathId,
      clientReference,
      identity: { status: 'HELD', masked: maskPersonalIdentityCode(code) },
      path: toPathView(started),
      allowedCommands: allowedCommands(started, user.role),
    };
  }

  private async transferIfHeldElsewhere(user: StaffUser, clientReference: string, municipality: string, response: Response): Promise<TransferRequested | undefined> {
    const holder = await this.transfers.activePathOf(clientReference);
    if (holder === undefined || holder.employmentArea === user.employmentArea) return undefined;
    const transferRequestId = await this.transfers.request(user, clientReference, holder, municipality);
    response.status(HttpStatus.ACCEPTED);
    return { status: 'TRANSFER_REQUESTED', transferRequestId, clientReference, message: 'The client has to be transferred before a path can start here: the request has been sent. Register the client again once it has been accepted.' };
  }
}

function validCode(identityCode: string): { readonly code: string; readonly birthDate: string } {
  const parsed = parsePersonalIdentityCode(identityCode);
  if (parsed.ok) return { code: parsed.code, birthDate: parsed.birthDate };
  const message = `The personal identity code is not valid: ${WHY[parsed.reason]}.`;
  throw new ApiError(HttpStatus.BAD_REQUEST, { code: 'IDENTITY.INVALID_CODE', message, issues: [{ path: 'identityCode', message }] });
}

function isConflictOf(error: unknown, code: string): boolean {
  return error instanceof ApiError && (error.getResponse() as { code?: string }).code === code;
}
