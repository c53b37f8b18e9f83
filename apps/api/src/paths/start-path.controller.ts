import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  PATH_TASK_QUEUE,
  pathWorkflowId,
  StartPathRequestSchema,
  type StartPathInput,
  type StartPathRequest,
} from '@polku/contracts';
import { Client } from '@temporalio/client';
import { ZodBodyPipe } from '../http/zod-body.pipe';

export interface StartPathResponse {
  readonly pathId: string;
  readonly workflowId: string;
}

@Controller('paths')
export class StartPathController {
  constructor(private readonly temporal: Client) {}

  /** Starts a path's workflow; the path id and start time are fixed here, at the edge. */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async start(@Body(new ZodBodyPipe(StartPathRequestSchema)) body: StartPathRequest): Promise<StartPathResponse> {
    const input: StartPathInput = { ...body, pathId: randomUUID(), startedAt: new Date().toISOString() };
    const workflowId = pathWorkflowId(input.pathId);
    await this.temporal.workflow.start('skeletonPathWorkflow', {
      taskQueue: PATH_TASK_QUEUE,
      workflowId,
      args: [input],
    });
    return { pathId: input.pathId, workflowId };
  }
}
