import type { Connection } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { messageOf } from '../support/limits';
import { benchDatabases, dropDatabase } from './database';
import { benchNamespaces, deleteNamespace } from './namespace';
import { startedAtOf } from './run-id';

/**
 * A run takes well under an hour; one whose id is older than this was killed before its
 * clean-up. Younger ones may be another engineer's run in progress, and are left alone.
 */
const STALE_AFTER_MS = 6 * 60 * 60_000;
const TOPIC_RUN = /^polku\.bench\.([a-z0-9]{14})\./;

const isStale = (runId: string, now: number): boolean => {
  const startedAt = startedAtOf(runId);
  return startedAt !== undefined && now - startedAt > STALE_AFTER_MS;
};

/** Drops what runs killed hours ago left behind: databases, namespaces, topics. Answers notes. */
export async function sweepStaleRuns(serverUrl: string, ownerPool: Pool, connection: Connection, kafka: Kafka): Promise<string[]> {
  const now = Date.now();
  const notes: string[] = [];
  const sweep = async (what: string, names: () => Promise<string[]>, runOf: (name: string) => string, remove: (names: string[]) => Promise<unknown>): Promise<void> => {
    try {
      const stale = (await names()).filter((name) => isStale(runOf(name), now));
      if (stale.length === 0) return;
      await remove(stale);
      notes.push(`removed ${stale.length} ${what} left by runs killed before their clean-up: ${stale.join(', ')}`);
    } catch (error) {
      notes.push(`! could not sweep stale ${what}: ${messageOf(error)}`);
    }
  };
  await sweep('databases', () => benchDatabases(ownerPool), (name) => name.slice('polku_bench_'.length), (names) => Promise.all(names.map((name) => dropDatabase(serverUrl, name))));
  await sweep('namespaces', () => benchNamespaces(connection), (name) => name.slice('polku-bench-'.length), (names) => Promise.all(names.map((name) => deleteNamespace(connection, name))));
  await sweep('topics', () => benchTopicNames(kafka), (name) => TOPIC_RUN.exec(name)?.[1] ?? '', (topics) => deleteTopics(kafka, topics));
  return notes;
}

async function benchTopicNames(kafka: Kafka): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter((topic) => TOPIC_RUN.test(topic));
  } finally {
    await admin.disconnect();
  }
}

async function deleteTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
