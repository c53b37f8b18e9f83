/**
 * Runs `work` again while it fails with a retriable Kafka error: right after a topic is created,
 * a broker that has not yet heard of it answers "does not host this topic-partition", both to
 * createTopics' wait for leaders (CI, stop 16) and to the describe/alter of its settings (seen
 * on a fresh three-node cluster). A non-retriable error, or one past the deadline, is thrown.
 */
export async function whileMetadataSpreads<T>(work: () => Promise<T>, withinMs: number, pollMs: number): Promise<T> {
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
