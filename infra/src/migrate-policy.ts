import { loadConfig } from '@polku/config';
import { applyPathCommandUpdate, pathWorkflowId } from '@polku/contracts';
import type { PathCommand } from '@polku/domain';
import { connectTemporalClient } from '@polku/temporal';
import { print, warn } from './log';

/**
 * Moves chosen running paths to a newer policy version (the MigratePolicy command):
 *   npm run policy:migrate -- --to FI-2026.1 <pathId> [<pathId> …]
 * Pending reminders and deadlines keep their dates; plans made from now on use the new rules.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const toIndex = args.indexOf('--to');
  const toVersion = toIndex >= 0 ? args[toIndex + 1] : undefined;
  const pathIds = args.filter((_, index) => index !== toIndex && index !== toIndex + 1);
  if (!toVersion || pathIds.length === 0) {
    print('usage: npm run policy:migrate -- --to <policy version> <pathId> [<pathId> …]');
    return 2;
  }
  const config = loadConfig();
  const client = await connectTemporalClient(config.temporal);
  let failures = 0;
  for (const pathId of pathIds) {
    const command: PathCommand = { type: 'MigratePolicy', data: { toVersion }, metadata: { occurredAt: new Date().toISOString(), actor: { userId: process.env['USER'] ?? 'operator', role: 'admin' } } };
    try {
      await client.workflow.getHandle(pathWorkflowId(pathId)).executeUpdate(applyPathCommandUpdate, { args: [command] });
      print(`${pathId}: now on ${toVersion}`);
    } catch (error) {
      failures += 1;
      warn(`${pathId}: ${(error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message}`);
    }
  }
  await client.connection.close();
  return failures === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
