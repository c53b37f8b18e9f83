import { kafkaFor, loadConfig, type PolkuConfig } from '@polku/config';
import { createPool } from '@polku/event-store';
import { createKafka } from '@polku/kafka';
import { temporalDataConverter } from '@polku/temporal';
import { Client, Connection } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOGS } from '../../infra/src/layout';
import { createBaselineTables } from '../baseline/baseline-table';
import { bounded, messageOf } from '../support/limits';
import { progress } from '../support/progress';
import { BenchChildren, type ChildNeeds } from './children';
import { BenchDatabase } from './database';
import { benchNamespaceOf, deleteNamespace, registerNamespace } from './namespace';
import { sweepStaleRuns } from './stale-runs';
import { BenchTopics } from './topics';

/** Each clean-up step is bounded: a hung step must not keep the others (or the process) waiting. */
const CLEANUP_STEP_MS = 45_000;
const COUNT_WITHIN_MS = 10_000;

export interface EnvironmentNeeds extends ChildNeeds {
  readonly topics: boolean;
}

/**
 * What a run owns, created at its start and removed at its end (also when it fails): a
 * database `polku_bench_<run>`, a Temporal namespace `polku-bench-<run>` (deleted; the server
 * removes its workflows in the background), topics `polku.bench.<run>.*`, and the processes
 * under test (workers, the API, the relay) configured for them, never the live ones.
 */
export class BenchEnvironment {
  readonly namespace: string;
  readonly topics: BenchTopics;
  /** Clean-up and sweep notes, for the report. */
  readonly notes: string[] = [];
  private database?: BenchDatabase;
  private temporal?: Client;
  private namespaceRegistered = false;
  private topicsCreated = false;
  private processes?: BenchChildren;
  private readonly tmp: string;

  private constructor(readonly runId: string, readonly live: PolkuConfig, private readonly connection: Connection, readonly kafka: Kafka, readonly logDir: string) {
    this.namespace = benchNamespaceOf(runId);
    this.topics = new BenchTopics(runId);
    this.tmp = mkdtempSync(join(tmpdir(), `polku-bench-${runId}-`));
  }

  static async open(runId: string, needs: EnvironmentNeeds): Promise<BenchEnvironment> {
    const live = loadConfig();
    const { address, tls } = live.temporal;
    const connection = await Connection.connect({ address, ...(tls === undefined ? {} : { tls }) });
    const logDir = join(LOGS, 'bench', runId);
    mkdirSync(logDir, { recursive: true });
    const env = new BenchEnvironment(runId, live, connection, createKafka(kafkaFor(live, 'admin')), logDir);
    try {
      await env.setUp(needs);
    } catch (error) {
      await env.close();
      throw error;
    }
    return env;
  }

  get db(): BenchDatabase {
    return present(this.database, 'the bench database');
  }

  /** A client of the run's namespace with the project's data converter (payloads encrypted). */
  get client(): Client {
    return present(this.temporal, 'the Temporal client');
  }

  get children(): BenchChildren {
    return present(this.processes, 'the processes under test');
  }

  /** What every process under test gets: the script's environment, pointed at the run's own database and namespace. */
  childEnv(): NodeJS.ProcessEnv {
    return { ...process.env, DATABASE_URL: this.db.url, TEMPORAL_NAMESPACE: this.namespace };
  }

  private async setUp(needs: EnvironmentNeeds): Promise<void> {
    const server = createPool(this.live.databaseUrl, 1);
    this.notes.push(...(await sweepStaleRuns(this.live.databaseUrl, server, this.connection, this.kafka).finally(() => server.end())));
    progress(`database polku_bench_${this.runId}, namespace ${this.namespace}`);
    this.database = await BenchDatabase.create(this.live.databaseUrl, this.runId);
    await createBaselineTables(this.database.pool);
    await registerNamespace(this.connection, this.namespace);
    this.namespaceRegistered = true;
    this.temporal = new Client({ connection: this.connection, namespace: this.namespace, dataConverter: temporalDataConverter() });
    if (needs.topics) {
      this.topicsCreated = true;
      await this.topics.create(this.kafka);
    }
    this.processes = new BenchChildren(this.childEnv(), this.topics.prefix, this.tmp, this.logDir);
    await this.processes.prepare(needs);
  }

  /** Every step runs, each bounded; what fails is noted, never thrown. */
  async close(): Promise<void> {
    await this.step('stopping the processes under test', async () => this.processes?.stopAll());
    await this.step('deleting the namespace', async () => {
      if (!this.namespaceRegistered) return;
      const open = await bounded(this.client.workflow.count(''), COUNT_WITHIN_MS, 'counting workflows').then((c) => c.count, () => undefined);
      await deleteNamespace(this.connection, this.namespace);
      this.notes.push(`namespace ${this.namespace} deleted; the server deletes its ${open ?? 'unknown number of'} workflows in the background`);
    });
    await this.step('dropping the database', async () => {
      if (!this.database) return;
      await this.database.drop();
      this.notes.push(`database ${this.database.name} dropped`);
    });
    await this.step('deleting the topics', async () => {
      if (this.topicsCreated) await this.topics.delete(this.kafka);
    });
    await this.step('closing connections', () => this.connection.close());
    rmSync(this.tmp, { recursive: true, force: true });
  }

  private async step(name: string, run: () => Promise<unknown>): Promise<void> {
    progress(`clean-up: ${name}`);
    try {
      await bounded(run(), CLEANUP_STEP_MS, name);
    } catch (error) {
      this.notes.push(`! clean-up (${name}) failed: ${messageOf(error)}`);
    }
  }
}

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not set up`);
  return value;
}
