import type { Logger } from "@/lib/server/logging/create-logger";
import type { PollJob } from "@/lib/server/poller/create-poller";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";

const DAY_MS = 24 * 3600 * 1000;

/**
 * Keeps the journal and the notifications' delivery log to the retention window (history tables are never touched;
 * queued deliveries stay); leader-only like polling.
 */
export function createJournalRetentionJob(deps: { store: HealthdeckStore; now: () => number; retentionDays: number; logger: Logger }): PollJob {
  return {
    id: "journal-retention",
    intervalMs: 3600 * 1000,
    timeoutMs: 5 * 60_000,
    async run() {
      const before = deps.now() - deps.retentionDays * DAY_MS;
      const removed = await deps.store.write((tx) => tx.journal.prune(before), { fenced: true });
      if (removed > 0) deps.logger.info("journal pruned", { removed, retentionDays: deps.retentionDays });
      const deliveries = await deps.store.write((tx) => tx.outbox.prune(before), { fenced: true });
      if (deliveries > 0) deps.logger.info("delivery log pruned", { removed: deliveries, retentionDays: deps.retentionDays });
    },
  };
}
