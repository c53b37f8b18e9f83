import { PathFailureTypes } from '@polku/contracts';
import { helsinkiDateOf } from '@polku/domain';
import { bundleWorkflows, configuredPayloadCodec, ENCRYPTED_ENCODING, temporalDataConverter } from '@polku/temporal';
import { createTimeSkippingEnv } from '@polku/testing';
import type { Payload } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { command, startPath } from './testing/path-commands';
import { withPath } from './testing/path-harness';

const NOTE = 'Työkykyrajoite: ei raskaita nostoja';
const REFUSAL = `refused: ${PathFailureTypes.eventIdConflict}`;

/** Every string a value holds, bytes read as UTF-8: what anyone reading the server's store sees. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (value instanceof Uint8Array) yield Buffer.from(value).toString('utf8');
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* strings(item);
}

// The SDK never runs these through the codecs: search attributes (the server indexes them), the
// patch markers of patched() (core writes the patch id) and a local activity marker's
// bookkeeping (`data`: its sequence, attempt, type and times; its result is encoded).
const NOT_CODEC_ENCODED: ReadonlySet<string> = new Set(['searchAttributes', 'patch-data', 'data']);

/** The payloads a history stores, those the SDK leaves alone aside. */
function payloadsIn(value: unknown, found: Payload[] = []): Payload[] {
  if (Array.isArray(value)) for (const item of value) payloadsIn(item, found);
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const metadata = (value as Payload).metadata;
    if (metadata?.['encoding'] instanceof Uint8Array) found.push(value as Payload);
    else for (const [key, item] of Object.entries(value)) if (!NOT_CODEC_ENCODED.has(key)) payloadsIn(item, found);
  }
  return found;
}

const holds = (texts: Iterable<string>, text: string): boolean => [...texts].some((item) => item.includes(text));

/**
 * The worker and client share the encrypting data converter (as apps/worker and the API do):
 * the history keeps free text and failure messages only as ciphertext, staff-facing answers and
 * failures arrive decrypted, and replaying the history takes the key.
 */
describe('servicePathWorkflow with encrypted payloads', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;
  let history: History;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    bundle = await bundleWorkflows();
    await withPath(env, bundle, { pathId: 'encrypted' }, async (path) => {
      const now = await path.now();
      const today = helsinkiDateOf(new Date(now).toISOString());
      await path.send(startPath('encrypted', today, now));
      const answer = await path.send(command('HoldInitialInterview', { heldOn: today, serviceNeed: NOTE }, now));
      expect(answer).toMatchObject({ status: 'ACTIVE', version: 5 });
      path.activities.refuseNextAppends(PathFailureTypes.eventIdConflict);
      // The activity's failure message went into history encrypted and comes back readable.
      await expect(path.send(command('PausePath', { reason: 'SICK_LEAVE' }, now))).rejects.toMatchObject({ cause: { type: PathFailureTypes.eventIdConflict, message: REFUSAL } });
      history = await path.handle.fetchHistory();
      await path.handle.terminate('test done');
    });
  }, 120_000);

  afterAll(() => env?.teardown());

  it('stores no free text and no failure message in clear, only stable failure codes', () => {
    const stored = [...strings(history)];
    expect(holds(stored, NOTE)).toBe(false);
    expect(holds(stored, REFUSAL)).toBe(false);
    expect(holds(stored, PathFailureTypes.eventIdConflict)).toBe(true);
    const encodings = payloadsIn(history).map((payload) => Buffer.from(payload.metadata?.['encoding'] ?? []).toString('utf8'));
    expect(encodings.length).toBeGreaterThan(5);
    expect(encodings.filter((encoding) => encoding !== ENCRYPTED_ENCODING)).toEqual([]);
  });

  it('reads back in clear with the keyring', async () => {
    const decoded = [...strings(await configuredPayloadCodec().decode(payloadsIn(history)))];
    expect(holds(decoded, NOTE)).toBe(true);
    expect(holds(decoded, REFUSAL)).toBe(true);
  });

  it('replays with the data converter, and not without the key', async () => {
    await expect(Worker.runReplayHistory({ workflowBundle: bundle, dataConverter: temporalDataConverter() }, history, 'path-encrypted')).resolves.toBeUndefined();
    // Without the codec the first activation already fails (its input is ciphertext).
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, 'path-encrypted')).rejects.toThrow(/Replay failed/);
  });
});
