/*
 * The deploy gate's deliberately broken build (F8): the released servicePathWorkflow behind one
 * extra, unpatched timer. Every recorded history must fail to replay against it with a
 * determinism error; if one replays, the gate cannot tell a breaking change from a safe one.
 * Bundled by the replay worker only, never registered with a real worker.
 */
import type { ServicePathInput } from '@polku/contracts/workflow';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the gate must wrap the released workflow itself to prove that replay rejects a change to it
import { servicePathWorkflow as released } from '@polku/workflows';
import { sleep } from '@temporalio/workflow';

export async function servicePathWorkflow(input: ServicePathInput): ReturnType<typeof released> {
  await sleep(1); // a command the recorded histories never had
  return released(input);
}
