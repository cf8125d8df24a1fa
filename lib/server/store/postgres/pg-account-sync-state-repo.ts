import { accountSourceConditionSchema } from "@/lib/server/domain/account-sync-state";
import type { AccountSyncStateRepo } from "@/lib/server/store/contract/store-contract";
import { createPgMetaRepo, deleteMeta } from "@/lib/server/store/postgres/pg-meta-repo";
import { execute, selectRow, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";

const CONDITION_META_KEY = "account-health.condition";

/** Bookkeeping of the Health API poller: cursors per target, per-event stamps, org-view status. Times in epoch ms. */
export function createPgAccountSyncStateRepo(db: Queryable): AccountSyncStateRepo {
  const meta = createPgMetaRepo(db);
  return {
    async getTarget(targetKey) {
      const row = await selectRow<{ cursor_ms: number | null; last_sweep_at: number | null }>(
        db,
        "SELECT cursor_ms, last_sweep_at FROM account_sync_targets WHERE target_key = $1",
        [targetKey],
      );
      return { cursorMs: row?.cursor_ms ?? null, lastSweepAt: row?.last_sweep_at ?? null };
    },
    async saveTarget(targetKey, state) {
      await execute(
        db,
        `INSERT INTO account_sync_targets (target_key, cursor_ms, last_sweep_at) VALUES ($1, $2, $3)
         ON CONFLICT (target_key) DO UPDATE SET cursor_ms = EXCLUDED.cursor_ms, last_sweep_at = EXCLUDED.last_sweep_at`,
        [targetKey, state.cursorMs, state.lastSweepAt],
      );
    },
    async getEventStamp(targetKey, arn) {
      const row = await selectRow<{ last_updated_time: number | null; status: string; is_complete: number }>(
        db,
        "SELECT last_updated_time, status, is_complete FROM account_sync_events WHERE target_key = $1 AND arn = $2",
        [targetKey, arn],
      );
      return row ? { lastUpdatedTime: row.last_updated_time, status: row.status, isComplete: row.is_complete === 1 } : null;
    },
    async saveEventStamp(targetKey, arn, stamp, syncedAt) {
      await execute(
        db,
        `INSERT INTO account_sync_events (target_key, arn, last_updated_time, status, is_complete, synced_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (target_key, arn) DO UPDATE SET last_updated_time = EXCLUDED.last_updated_time, status = EXCLUDED.status,
           is_complete = EXCLUDED.is_complete, synced_at = EXCLUDED.synced_at`,
        [targetKey, arn, stamp.lastUpdatedTime, stamp.status, stamp.isComplete ? 1 : 0, syncedAt],
      );
    },
    async getEventStamps(targetKey, arns) {
      const rows = await selectRows<{ arn: string; last_updated_time: number | null; status: string; is_complete: number }>(
        db,
        "SELECT arn, last_updated_time, status, is_complete FROM account_sync_events WHERE target_key = $1 AND arn = ANY($2::text[])",
        [targetKey, [...new Set(arns)]],
      );
      return new Map(rows.map((row) => [row.arn, { lastUpdatedTime: row.last_updated_time, status: row.status, isComplete: row.is_complete === 1 }]));
    },
    async saveEventStamps(targetKey, stamps, syncedAt) {
      // One statement cannot touch a row twice: the last stamp of an ARN wins, as it would one by one.
      const latest = new Map(stamps.map(({ arn, stamp }) => [arn, stamp]));
      if (latest.size === 0) return;
      const arns = [...latest.keys()];
      const values = [...latest.values()];
      await execute(
        db,
        `INSERT INTO account_sync_events (target_key, arn, last_updated_time, status, is_complete, synced_at)
         SELECT $1::text, *, $6::bigint FROM unnest($2::text[], $3::bigint[], $4::text[], $5::smallint[])
         ON CONFLICT (target_key, arn) DO UPDATE SET last_updated_time = EXCLUDED.last_updated_time, status = EXCLUDED.status,
           is_complete = EXCLUDED.is_complete, synced_at = EXCLUDED.synced_at`,
        [targetKey, arns, values.map((stamp) => stamp.lastUpdatedTime), values.map((stamp) => stamp.status), values.map((stamp) => (stamp.isComplete ? 1 : 0)), syncedAt],
      );
    },
    async getOrgStatus(accountId) {
      const row = await selectRow<{ status: string; checked_at: number }>(
        db,
        "SELECT status, checked_at FROM account_sync_org_status WHERE account_id = $1",
        [accountId],
      );
      return row ? { status: row.status, checkedAt: row.checked_at } : null;
    },
    async saveOrgStatus(accountId, status, checkedAt) {
      await execute(
        db,
        `INSERT INTO account_sync_org_status (account_id, status, checked_at) VALUES ($1, $2, $3)
         ON CONFLICT (account_id) DO UPDATE SET status = EXCLUDED.status, checked_at = EXCLUDED.checked_at`,
        [accountId, status, checkedAt],
      );
    },
    async getCondition() {
      const raw = await meta.get(CONDITION_META_KEY);
      if (raw === null) return null;
      const parsed = accountSourceConditionSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    },
    async setCondition(condition) {
      if (condition === null) await deleteMeta(db, CONDITION_META_KEY);
      else await meta.set(CONDITION_META_KEY, JSON.stringify(condition));
    },
  };
}
