import { isStarted } from '@polku/contracts';
import type { PathState, StartedPath } from '@polku/domain';

/** A command's answer is a started path; anything else is a broken invariant of the workflow. */
export function startedOrFail(state: PathState): StartedPath {
  if (!isStarted(state)) throw new Error('the workflow answered a command with a path that is not started');
  return state;
}
