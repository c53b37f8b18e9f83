import { Injectable } from '@nestjs/common';
import { appliedCommandsOf, applyPathCommandUpdate, PATH_TASK_QUEUE, pathWorkflowId, SERVICE_PATH_WORKFLOW, type ServicePathInput, type ServicePathWorkflow } from '@polku/contracts';
import { TRAINING_POLICY_VERSIONS, type PathCommand, type PathState, type PolicyVersion } from '@polku/domain';
import { WorkflowNotFoundError } from '@temporalio/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { AppConfig } from '../infrastructure/connections';
import { toApiError } from './path-failures';
import { PathStore } from './path-store';

/** Starts a path's workflow and sends it staff commands as its Update; answers with the new state. */
@Injectable()
export class PathWorkflowClient {
  constructor(
    private readonly temporal: Client,
    private readonly paths: PathStore,
    private readonly config: AppConfig,
  ) {}

  /**
   * Starts the path's workflow and its StartPath in one call (update-with-start). A retry under
   * the same Idempotency-Key names the same path and Update, so it finds the first answer.
   */
  async start(command: PathCommand & { type: 'StartPath' }, updateId?: string): Promise<PathState> {
    const { pathId, employmentArea } = command.data;
    return this.withStart(pathId, { pathId, ...this.catalogueFor(employmentArea) }, command, updateId);
  }

  async send(pathId: string, command: PathCommand, updateId?: string): Promise<PathState> {
    try {
      return await this.temporal.workflow.getHandle(pathWorkflowId(pathId)).executeUpdate(applyPathCommandUpdate, { args: [command], ...(updateId ? { updateId } : {}) });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw toApiError(error);
    }
    // A finished path's workflow has closed (quiet for 30 days after its exit): a late follow-up
    // or a reopening starts it again from the state folded from the event store.
    // The command ids of the window come along, so a repeated keyed command is answered, not applied.
    const { state, events } = await this.paths.load(pathId);
    const commands = appliedCommandsOf(events, new Date().toISOString());
    return this.withStart(pathId, { pathId, state, commands, ...this.catalogueFor(state.employmentArea) }, command, updateId);
  }

  /** Paths of a training area run the training policy; others the default Finnish one. */
  private catalogueFor(employmentArea: string): { catalogue?: readonly PolicyVersion[] } {
    return this.config.values.trainingAreas.includes(employmentArea) ? { catalogue: TRAINING_POLICY_VERSIONS } : {};
  }

  private async withStart(pathId: string, input: ServicePathInput, command: PathCommand, updateId?: string): Promise<PathState> {
    const startWorkflowOperation = new WithStartWorkflowOperation<ServicePathWorkflow>(SERVICE_PATH_WORKFLOW, {
      workflowId: pathWorkflowId(pathId),
      taskQueue: PATH_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    try {
      return await this.temporal.workflow.executeUpdateWithStart(applyPathCommandUpdate, { args: [command], startWorkflowOperation, ...(updateId ? { updateId } : {}) });
    } catch (error) {
      throw toApiError(error);
    }
  }
}
