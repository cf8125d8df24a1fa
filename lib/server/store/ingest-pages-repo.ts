import type { AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import { deriveEntityKey } from "@/lib/server/store/affected-entities-repo";
import type { SqliteDatabase } from "@/lib/server/store/open-database";

/** What all pages and backup copies of one communication share. */
export interface CommunicationKey {
  accountId: string;
  eventArn: string;
  communicationBase: string;
}

export interface PageReceipt {
  page: number;
  totalPages: number;
  isBackup: boolean;
  envelopeId: string;
  deliveryRegion: string | null;
  entityCount: number;
}

export interface CommunicationProgress {
  totalPages: number;
  receivedPages: number;
  isComplete: boolean;
}

export interface PendingCommunication extends CommunicationKey, CommunicationProgress {
  eventId: string;
  firstReceivedAt: number;
}

/** Must match the key `account-events-repo` files entities under (checked by ingest-pages-repo.test.ts). */
type KeyParams = [string, string, string];
const keyParams = (key: CommunicationKey): KeyParams => [key.accountId, key.eventArn, key.communicationBase];

export function createIngestPagesRepo(db: SqliteDatabase) {
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
    getPage(key: CommunicationKey, page: number): { isBackup: boolean; envelopeId: string; receivedAt: number } | null {
      const row = selectPage.get(...keyParams(key), page);
      return row ? { isBackup: row.is_backup === 1, envelopeId: row.envelope_id, receivedAt: row.received_at } : null;
    },
    getProgress,
    /** Records a page (idempotent) and marks the communication complete once every page is in. */
    recordPage(key: CommunicationKey, eventId: string, receipt: PageReceipt, nowMs: number): CommunicationProgress {
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
    readEventUpdatedTime(eventId: string): number | null {
      return selectEventTime.get(eventId)?.last_updated_time ?? null;
    },
    /**
     * Drops entities whose stored copy is newer (a late delivery of an older communication). Without
     * times on both sides, a superseded delivery only adds entities that are missing.
     */
    selectFreshEntities(eventId: string, entities: readonly AffectedEntityRecord[], isSuperseded: boolean): AffectedEntityRecord[] {
      return entities.filter((entity) => {
        const stored = selectEntityTime.get(eventId, deriveEntityKey(entity));
        if (!stored) return true;
        if (entity.lastUpdatedTime !== null && stored.last_updated_time !== null) return stored.last_updated_time <= entity.lastUpdatedTime;
        return !isSuperseded;
      });
    },
    listPendingCommunications(limit = 100): PendingCommunication[] {
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
    readIngestSummary(): { lastReceivedAt: number | null; pendingCommunications: number } {
      return { lastReceivedAt: selectLastReceived.get()?.at ?? null, pendingCommunications: countPending.get()?.n ?? 0 };
    },
  };
}

export type IngestPagesRepo = ReturnType<typeof createIngestPagesRepo>;

const repos = new WeakMap<SqliteDatabase, IngestPagesRepo>();

/** One repo (prepared statements) per open database. */
export function getIngestPagesRepo(db: SqliteDatabase): IngestPagesRepo {
  let repo = repos.get(db);
  if (!repo) {
    repo = createIngestPagesRepo(db);
    repos.set(db, repo);
  }
  return repo;
}
