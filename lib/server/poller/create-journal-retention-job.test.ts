import { describe, expect, it } from "vitest";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createJournalRetentionJob } from "@/lib/server/poller/create-journal-retention-job";
import { EMPTY_JOURNAL_FILTER } from "@/lib/server/store/contract/journal-contract";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";

const DAY = 24 * 3600 * 1000;

describe("journal retention", () => {
  it("drops entries older than the retention window and keeps the rest, and every row of history", async () => {
    const store = openHealthdeckStore(":memory:");
    const now = Date.parse("2026-12-07T12:00:00Z");
    await store.write((tx) => tx.sources.recordSuccess("public-rss", now - 31 * DAY, null));
    await store.write((tx) => tx.sources.recordFailure("public-rss", now - 30 * DAY + 1, "HTTP 503"));
    await store.write((tx) => tx.sources.recordSuccess("public-rss", now - DAY, null));
    const job = createJournalRetentionJob({ store, now: () => now, retentionDays: 30, logger: silentLogger });
    await job.run(new AbortController().signal);
    const kept = await store.journal.read(0, 10, EMPTY_JOURNAL_FILTER);
    expect(kept.map((entry) => [entry.id, entry.at])).toEqual([
      [2, now - 30 * DAY + 1],
      [3, now - DAY],
    ]);
    expect((await store.sources.get("public-rss"))?.lastSuccessAt).toBe(now - DAY);
    await store.close();
  });

  it("drops the delivery log's finished deliveries older than the window with the journal, and keeps queued ones", async () => {
    const store = openHealthdeckStore(":memory:");
    const now = Date.parse("2026-12-07T12:00:00Z");
    const delivery = (key: string, createdAt: number) => ({ key, channel: "ops", kind: "opened", eventId: key, journalId: 1, createdAt, deadlineAt: createdAt + DAY, message: { text: key } });
    await store.write((tx) => tx.outbox.enqueue([delivery("old", now - 31 * DAY), delivery("old-queued", now - 31 * DAY), delivery("recent", now - 29 * DAY)]));
    for (const row of await store.outbox.list({ after: 0, limit: 10, channel: null, status: null })) {
      if (row.key === "old-queued") continue;
      await store.write((tx) => tx.outbox.recordAttempt(row.id, { status: "sent", at: row.createdAt, nextAttemptAt: row.createdAt, lastError: null, lastStatus: 200 }));
    }
    const job = createJournalRetentionJob({ store, now: () => now, retentionDays: 30, logger: silentLogger });
    await job.run(new AbortController().signal);
    expect((await store.outbox.list({ after: 0, limit: 10, channel: null, status: null })).map((row) => row.key)).toEqual(["old-queued", "recent"]);
    await store.close();
  });
});
