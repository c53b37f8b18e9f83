/** How long new topics may take to be known to every broker of a fresh cluster. */
const METADATA_WITHIN_MS = 30_000;
const POLL_MS = 1_000;

/**
 * Runs `work` again while it fails with a retriable Kafka error: right after a topic is created,
 * a broker that has not yet heard of it answers "does not host this topic-partition", both to
 * createTopics' wait for leaders (CI, stop 16) and to the describe/alter of its settings (seen
 * on a fresh three-node cluster). A non-retriable error, or one past the deadline, is thrown.
 */
export async function whileMetadataSpreads<T>(work: () => Promise<T>, withinMs = METADATA_WITHIN_MS, pollMs = POLL_MS): Promise<T> {
  const giveUpAt = Date.now() + withinMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || Date.now() >= giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}
