// Bundler fixture: a workflow that imports a value (not only a type) through an @polku/* alias.
import { PATH_TASK_QUEUE } from '@polku/contracts';

export async function aliasedWorkflow(): Promise<string> {
  return PATH_TASK_QUEUE;
}
