import { deriveEntityKey } from "@/lib/server/domain/derive-record-ids";
import type { IngestPagesRepo } from "@/lib/server/store/contract/store-contract";
import type { CommunicationKey, CommunicationProgress } from "@/lib/server/store/contract/store-records";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

/** Must match the key `account-events-repo` files entities under (checked by ingest-pages-repo.test.ts). */
type KeyParams = [string, string, string];
const keyParams = (key: CommunicationKey): KeyParams => [key.accountId, key.eventArn, key.communicationBase];

export function createIngestPagesRepo(db: SqliteDatabase): IngestPagesRepo {
  const selectPage = db.prepare<[...KeyParams, number], { is_backup: number; envelope_id: string; received_at: number }>(
    `SELECT is_backup, envelope_id, received_at FROM ingest_pages
     WHERE account_id = ? AND event_arn = ? AND communication_base = ? AND page = ?`,
  );
  const upsertCommunication = db.prepare(`INSERT INTO ingest_communications
    (account_id, event_arn, communication_base, event_id, total_pages, first_received_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(account_id, event_arn, communication_base) DO UPDATE SET total_pages = MAX(total_pages, excluded.total_pages)`);
  const insertPage = db.prepare(`INSERT OR IGNORE INTO ingest_pages (account_id, event_arn, communication_base, page,
    is_backup, envelope_id, delivery_region, entity_count, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const selectProgress = db.prepare<KeyParams, { total_pages: number; completed_at: number | null; received: number }>(
    `SELECT c.total_pages, c.completed_at,
       (SELECT COUNT(*) FROM ingest_pages p WHERE p.account_id = c.account_id AND p.event_arn = c.event_arn
          AND p.communication_base = c.communication_base) AS received
     FROM ingest_communications c WHERE c.account_id = ? AND c.event_arn = ? AND c.communication_base = ?`,
  );
  const markComplete = db.prepare(
    `UPDATE ingest_communications SET completed_at = ?
     WHERE account_id = ? AND event_arn = ? AND communication_base = ? AND completed_at IS NULL`,
  );
  const selectPending = db.prepare<[number], { account_id: string; event_arn: string; communication_base: string; event_id: string; total_pages: number; first_received_at: number; received: number }>(
    `SELECT c.*, (SELECT COUNT(*) FROM ingest_pages p WHERE p.account_id = c.account_id AND p.event_arn = c.event_arn
       AND p.communication_base = c.communication_base) AS received
     FROM ingest_communications c WHERE c.completed_at IS NULL ORDER BY c.first_received_at LIMIT ?`,
  );
  const countPending = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM ingest_communications WHERE completed_at IS NULL");
  const selectLastReceived = db.prepare<[], { at: number | null }>("SELECT MAX(received_at) AS at FROM ingest_pages");
  const selectEventTime = db.prepare<[string], { last_updated_time: number | null }>(
    "SELECT last_updated_time FROM account_events WHERE id = ?",
  );
  const selectEntityTime = db.prepare<[string, string], { last_updated_time: number | null }>(
    "SELECT last_updated_time FROM account_entities WHERE event_id = ? AND entity_key = ?",
  );

  function getProgress(key: CommunicationKey): CommunicationProgress | null {
    const row = selectProgress.get(...keyParams(key));
    if (!row) return null;
    return { totalPages: row.total_pages, receivedPages: row.received, isComplete: row.completed_at !== null };
  }

  return {
    async getPage(key, page) {
      const row = selectPage.get(...keyParams(key), page);
      return row ? { isBackup: row.is_backup === 1, envelopeId: row.envelope_id, receivedAt: row.received_at } : null;
    },
    getProgress: async (key) => getProgress(key),
    /** Records a page (idempotent) and marks the communication complete once every page is in. */
    async recordPage(key, eventId, receipt, nowMs) {
      const params = keyParams(key);
      upsertCommunication.run(...params, eventId, receipt.totalPages, nowMs);
      insertPage.run(...params, receipt.page, receipt.isBackup ? 1 : 0, receipt.envelopeId, receipt.deliveryRegion, receipt.entityCount, nowMs);
      const progress = getProgress(key) ?? { totalPages: receipt.totalPages, receivedPages: 1, isComplete: false };
      if (!progress.isComplete && progress.receivedPages >= progress.totalPages) {
        markComplete.run(nowMs, ...params);
        return { ...progress, isComplete: true };
      }
      return progress;
    },
    /** The stored event's lastUpdatedTime (epoch ms), null when unknown or not stored. */
    async readEventUpdatedTime(eventId) {
      return selectEventTime.get(eventId)?.last_updated_time ?? null;
    },
    /**
     * Drops entities whose stored copy is newer (a late delivery of an older communication). Without
     * times on both sides, a superseded delivery only adds entities that are missing.
     */
    async selectFreshEntities(eventId, entities, isSuperseded) {
      return entities.filter((entity) => {
        const stored = selectEntityTime.get(eventId, deriveEntityKey(entity));
        if (!stored) return true;
        if (entity.lastUpdatedTime !== null && stored.last_updated_time !== null) return stored.last_updated_time <= entity.lastUpdatedTime;
        return !isSuperseded;
      });
    },
    async listPendingCommunications(limit) {
      return selectPending.all(limit).map((row) => ({
        accountId: row.account_id,
        eventArn: row.event_arn,
        communicationBase: row.communication_base,
        eventId: row.event_id,
        totalPages: row.total_pages,
        receivedPages: row.received,
        isComplete: false,
        firstReceivedAt: row.first_received_at,
      }));
    },
    /** For the status view: when the last push arrived, and how many paged communications still miss pages. */
    async readIngestSummary() {
      return { lastReceivedAt: selectLastReceived.get()?.at ?? null, pendingCommunications: countPending.get()?.n ?? 0 };
    },
  };
}

