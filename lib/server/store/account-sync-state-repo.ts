import { z } from "zod";
import type { SqliteDatabase } from "@/lib/server/store/open-database";

/** What the poller last stored of one event; "complete" means details and entities were both fetched. */
export interface EventSyncStamp {
  lastUpdatedTime: number | null;
  status: string;
  isComplete: boolean;
}

export interface TargetSyncState {
  /** start (epoch ms) of the last cycle that finished; null before the initial sync */
  cursorMs: number | null;
  lastSweepAt: number | null;
}

/** A source-wide state that a retry will not fix soon; shown instead of ok/error/stale. */
export const accountSourceConditionSchema = z.object({
  state: z.enum(["unavailable", "disabled"]),
  reason: z.string(),
  since: z.number(),
  retryAt: z.number(),
});
export type AccountSourceCondition = z.infer<typeof accountSourceConditionSchema>;

const CONDITION_META_KEY = "account-health.condition";

/** Bookkeeping of the Health API poller: cursors per target, per-event stamps, org-view status. Times in epoch ms. */
export function createAccountSyncStateRepo(db: SqliteDatabase) {
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
    getTarget(targetKey: string): TargetSyncState {
      const row = selectTarget.get(targetKey);
      return { cursorMs: row?.cursor_ms ?? null, lastSweepAt: row?.last_sweep_at ?? null };
    },
    saveTarget(targetKey: string, state: TargetSyncState): void {
      upsertTarget.run(targetKey, state.cursorMs, state.lastSweepAt);
    },
    getEventStamp(targetKey: string, arn: string): EventSyncStamp | null {
      const row = selectStamp.get(targetKey, arn);
      if (!row) return null;
      return { lastUpdatedTime: row.last_updated_time, status: row.status, isComplete: row.is_complete === 1 };
    },
    saveEventStamp(targetKey: string, arn: string, stamp: EventSyncStamp, syncedAt: number): void {
      upsertStamp.run(targetKey, arn, stamp.lastUpdatedTime, stamp.status, stamp.isComplete ? 1 : 0, syncedAt);
    },
    getOrgStatus(accountId: string): { status: string; checkedAt: number } | null {
      const row = selectOrg.get(accountId);
      return row ? { status: row.status, checkedAt: row.checked_at } : null;
    },
    saveOrgStatus(accountId: string, status: string, checkedAt: number): void {
      upsertOrg.run(accountId, status, checkedAt);
    },
    getCondition(): AccountSourceCondition | null {
      const raw = selectMeta.get(CONDITION_META_KEY)?.value;
      if (raw === undefined) return null;
      const parsed = accountSourceConditionSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    },
    setCondition(condition: AccountSourceCondition | null): void {
      if (condition === null) deleteMeta.run(CONDITION_META_KEY);
      else upsertMeta.run(CONDITION_META_KEY, JSON.stringify(condition));
    },
  };
}

export type AccountSyncStateRepo = ReturnType<typeof createAccountSyncStateRepo>;
