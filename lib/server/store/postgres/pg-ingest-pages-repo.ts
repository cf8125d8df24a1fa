import type { AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import { deriveEntityKey } from "@/lib/server/domain/derive-record-ids";
import type { IngestPagesRepo } from "@/lib/server/store/contract/store-contract";
import type { CommunicationKey, CommunicationProgress } from "@/lib/server/store/contract/store-records";
import { execute, selectRow, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";

const keyValues = (key: CommunicationKey) => [key.accountId, key.eventArn, key.communicationBase];
const RECEIVED = `(SELECT COUNT(*) FROM ingest_pages p WHERE p.account_id = c.account_id AND p.event_arn = c.event_arn
  AND p.communication_base = c.communication_base)`;
/** Entity keys looked up per statement in selectFreshEntities. */
const LOOKUP_CHUNK = 5_000;

interface PendingRow {
  account_id: string;
  event_arn: string;
  communication_base: string;
  event_id: string;
  total_pages: number;
  first_received_at: number;
  received: number;
}

export function createPgIngestPagesRepo(db: Queryable): IngestPagesRepo {
  async function getProgress(key: CommunicationKey): Promise<CommunicationProgress | null> {
    const row = await selectRow<{ total_pages: number; completed_at: number | null; received: number }>(
      db,
      `SELECT c.total_pages, c.completed_at, ${RECEIVED} AS received
       FROM ingest_communications c WHERE c.account_id = $1 AND c.event_arn = $2 AND c.communication_base = $3`,
      keyValues(key),
    );
    return row ? { totalPages: row.total_pages, receivedPages: row.received, isComplete: row.completed_at !== null } : null;
  }

  return {
    async getPage(key, page) {
      const row = await selectRow<{ is_backup: number; envelope_id: string; received_at: number }>(
        db,
        `SELECT is_backup, envelope_id, received_at FROM ingest_pages
         WHERE account_id = $1 AND event_arn = $2 AND communication_base = $3 AND page = $4`,
        [...keyValues(key), page],
      );
      return row ? { isBackup: row.is_backup === 1, envelopeId: row.envelope_id, receivedAt: row.received_at } : null;
    },
    getProgress,
    async recordPage(key, eventId, receipt, nowMs) {
      // The upsert locks the communication's row: pages of one communication are recorded one at a time, so the
      // count below sees the pages other transactions committed (else two last pages could both miss completion).
      await execute(
        db,
        `INSERT INTO ingest_communications (account_id, event_arn, communication_base, event_id, total_pages, first_received_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (account_id, event_arn, communication_base) DO UPDATE
           SET total_pages = GREATEST(ingest_communications.total_pages, EXCLUDED.total_pages)`,
        [...keyValues(key), eventId, receipt.totalPages, nowMs],
      );
      await execute(
        db,
        `INSERT INTO ingest_pages (account_id, event_arn, communication_base, page, is_backup, envelope_id, delivery_region, entity_count, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [...keyValues(key), receipt.page, receipt.isBackup ? 1 : 0, receipt.envelopeId, receipt.deliveryRegion, receipt.entityCount, nowMs],
      );
      const progress = (await getProgress(key)) ?? { totalPages: receipt.totalPages, receivedPages: 1, isComplete: false };
      if (!progress.isComplete && progress.receivedPages >= progress.totalPages) {
        await execute(
          db,
          `UPDATE ingest_communications SET completed_at = $1
           WHERE account_id = $2 AND event_arn = $3 AND communication_base = $4 AND completed_at IS NULL`,
          [nowMs, ...keyValues(key)],
        );
        return { ...progress, isComplete: true };
      }
      return progress;
    },
    async readEventUpdatedTime(eventId) {
      const row = await selectRow<{ last_updated_time: number | null }>(db, "SELECT last_updated_time FROM account_events WHERE id = $1", [eventId]);
      return row?.last_updated_time ?? null;
    },
    async selectFreshEntities(eventId, entities, isSuperseded) {
      const keys = entities.map(deriveEntityKey);
      const stored = new Map<string, number | null>();
      const distinct = [...new Set(keys)];
      for (let start = 0; start < distinct.length; start += LOOKUP_CHUNK) {
        const rows = await selectRows<{ entity_key: string; last_updated_time: number | null }>(
          db,
          "SELECT entity_key, last_updated_time FROM account_entities WHERE event_id = $1 AND entity_key = ANY($2::text[])",
          [eventId, distinct.slice(start, start + LOOKUP_CHUNK)],
        );
        for (const row of rows) stored.set(row.entity_key, row.last_updated_time);
      }
      return entities.filter((entity: AffectedEntityRecord, index) => {
        const key = keys[index] ?? deriveEntityKey(entity);
        if (!stored.has(key)) return true;
        const storedTime = stored.get(key) ?? null;
        if (entity.lastUpdatedTime !== null && storedTime !== null) return storedTime <= entity.lastUpdatedTime;
        return !isSuperseded;
      });
    },
    async listPendingCommunications(limit) {
      const rows = await selectRows<PendingRow>(
        db,
        `SELECT c.account_id, c.event_arn, c.communication_base, c.event_id, c.total_pages, c.first_received_at, ${RECEIVED} AS received
         FROM ingest_communications c WHERE c.completed_at IS NULL ORDER BY c.first_received_at LIMIT $1`,
        [limit],
      );
      return rows.map((row) => ({
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
    async readIngestSummary() {
      const row = await selectRow<{ at: number | null; pending: number }>(
        db,
        `SELECT (SELECT MAX(received_at) FROM ingest_pages) AS at,
           (SELECT COUNT(*) FROM ingest_communications WHERE completed_at IS NULL) AS pending`,
      );
      return { lastReceivedAt: row?.at ?? null, pendingCommunications: row?.pending ?? 0 };
    },
  };
}
