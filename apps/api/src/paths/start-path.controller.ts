import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { applyPathCommandUpdate, PATH_TASK_QUEUE, pathWorkflowId, StartPathRequestSchema, type ServicePathInput, type StartPathRequest } from '@polku/contracts';
import { helsinkiDateOf, type PathCommand, type PathState } from '@polku/domain';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { ZodBodyPipe } from '../http/zod-body.pipe';

export interface StartPathResponse {
  readonly pathId: string;
  readonly workflowId: string;
  readonly state: PathState;
}

// Until staff sign in (the staff-API issue adds JWT), every command from the API is recorded
// as coming from the intake desk, so the audit trail says so plainly.
const INTAKE_DESK = { userId: 'intake-desk', role: 'intake' } as const;

@Controller('paths')
export class StartPathController {
  constructor(private readonly temporal: Client) {}

  /**
   * Starts a path: its workflow and its StartPath command in one call (update-with-start), so
   * the answer is the path as stored. The path id, registration date and time are fixed here.
   */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async start(@Body(new ZodBodyPipe(StartPathRequestSchema)) body: StartPathRequest): Promise<StartPathResponse> {
    const pathId = randomUUID();
    const occurredAt = new Date().toISOString();
    const command: PathCommand = {
      type: 'StartPath',
      data: { ...body, pathId, registeredOn: helsinkiDateOf(occurredAt), consents: [] },
      metadata: { occurredAt, actor: INTAKE_DESK },
    };
    const input: ServicePathInput = { pathId };
    const workflowId = pathWorkflowId(pathId);
    const startWorkflowOperation = new WithStartWorkflowOperation('servicePathWorkflow', {
      workflowId,
      taskQueue: PATH_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
    });
    const state = await this.temporal.workflow.executeUpdateWithStart(applyPathCommandUpdate, { args: [command], startWorkflowOperation });
    return { pathId, workflowId, state };
  }
}
