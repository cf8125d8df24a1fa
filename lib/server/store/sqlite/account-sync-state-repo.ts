import { accountSourceConditionSchema, type EventSyncStamp } from "@/lib/server/domain/account-sync-state";
import type { AccountSyncStateRepo } from "@/lib/server/store/contract/store-contract";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

const CONDITION_META_KEY = "account-health.condition";

/** Bookkeeping of the Health API poller: cursors per target, per-event stamps, org-view status. Times in epoch ms. */
export function createAccountSyncStateRepo(db: SqliteDatabase): AccountSyncStateRepo {
  const selectTarget = db.prepare<[string], { cursor_ms: number | null; last_sweep_at: number | null }>(
    "SELECT cursor_ms, last_sweep_at FROM account_sync_targets WHERE target_key = ?",
  );
  const upsertTarget = db.prepare(`INSERT INTO account_sync_targets (target_key, cursor_ms, last_sweep_at) VALUES (?, ?, ?)
    ON CONFLICT(target_key) DO UPDATE SET cursor_ms = excluded.cursor_ms, last_sweep_at = excluded.last_sweep_at`);
  const selectStamp = db.prepare<[string, string], { last_updated_time: number | null; status: string; is_complete: number }>(
    "SELECT last_updated_time, status, is_complete FROM account_sync_events WHERE target_key = ? AND arn = ?",
  );
  const upsertStamp = db.prepare(`INSERT INTO account_sync_events (target_key, arn, last_updated_time, status, is_complete, synced_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(target_key, arn) DO UPDATE SET last_updated_time = excluded.last_updated_time,
    status = excluded.status, is_complete = excluded.is_complete, synced_at = excluded.synced_at`);
  const selectOrg = db.prepare<[string], { status: string; checked_at: number }>(
    "SELECT status, checked_at FROM account_sync_org_status WHERE account_id = ?",
  );
  const upsertOrg = db.prepare(`INSERT INTO account_sync_org_status (account_id, status, checked_at) VALUES (?, ?, ?)
    ON CONFLICT(account_id) DO UPDATE SET status = excluded.status, checked_at = excluded.checked_at`);
  const selectMeta = db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE name = ?");
  const upsertMeta = db.prepare("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value");
  const deleteMeta = db.prepare("DELETE FROM meta WHERE name = ?");

  return {
    async getTarget(targetKey) {
      const row = selectTarget.get(targetKey);
      return { cursorMs: row?.cursor_ms ?? null, lastSweepAt: row?.last_sweep_at ?? null };
    },
    async saveTarget(targetKey, state) {
      upsertTarget.run(targetKey, state.cursorMs, state.lastSweepAt);
    },
    async getEventStamp(targetKey, arn) {
      const row = selectStamp.get(targetKey, arn);
      if (!row) return null;
      return { lastUpdatedTime: row.last_updated_time, status: row.status, isComplete: row.is_complete === 1 };
    },
    async getEventStamps(targetKey, arns) {
      const stamps = new Map<string, EventSyncStamp>();
      for (const arn of arns) {
        const row = selectStamp.get(targetKey, arn);
        if (row) stamps.set(arn, { lastUpdatedTime: row.last_updated_time, status: row.status, isComplete: row.is_complete === 1 });
      }
      return stamps;
    },
    async saveEventStamp(targetKey, arn, stamp, syncedAt) {
      upsertStamp.run(targetKey, arn, stamp.lastUpdatedTime, stamp.status, stamp.isComplete ? 1 : 0, syncedAt);
    },
    async saveEventStamps(targetKey, stamps, syncedAt) {
      for (const { arn, stamp } of stamps) upsertStamp.run(targetKey, arn, stamp.lastUpdatedTime, stamp.status, stamp.isComplete ? 1 : 0, syncedAt);
    },
    async getOrgStatus(accountId) {
      const row = selectOrg.get(accountId);
      return row ? { status: row.status, checkedAt: row.checked_at } : null;
    },
    async saveOrgStatus(accountId, status, checkedAt) {
      upsertOrg.run(accountId, status, checkedAt);
    },
    async getCondition() {
      const raw = selectMeta.get(CONDITION_META_KEY)?.value;
      if (raw === undefined) return null;
      const parsed = accountSourceConditionSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    },
    async setCondition(condition) {
      if (condition === null) deleteMeta.run(CONDITION_META_KEY);
      else upsertMeta.run(CONDITION_META_KEY, JSON.stringify(condition));
    },
  };
}

