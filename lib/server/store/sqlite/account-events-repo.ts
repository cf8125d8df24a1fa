import type { AccountEventRecord } from "@/lib/server/domain/account-health-records";
import { deriveAccountEventId } from "@/lib/server/domain/derive-record-ids";
import type { AccountEventsRepo, AffectedEntitiesRepo } from "@/lib/server/store/contract/store-contract";
import type { UpsertEventOutcome } from "@/lib/server/store/contract/store-records";
import { isEventRowChanged, mergeEvent, toAccountEvent, type EventRow } from "@/lib/server/store/common/account-event-rows";
import { ACTIVE_EVENT_COUNTS_SQL, SCHEDULED_CHANGE_STARTS_SQL, toActiveEventCount, type ActiveEventCountRow } from "@/lib/server/store/common/account-event-counts";
import { createAffectedEntitiesRepo } from "@/lib/server/store/sqlite/affected-entities-repo";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

const inList = (column: string, values: readonly string[], params: unknown[]) => {
  params.push(...values);
  return `${column} IN (${values.map(() => "?").join(",")})`;
};

export function createAccountEventsRepo(db: SqliteDatabase): AccountEventsRepo & AffectedEntitiesRepo {
  const selectById = db.prepare<[string], EventRow>("SELECT * FROM account_events WHERE id = ?");
  const insertEvent = db.prepare(`INSERT INTO account_events (id, arn, account_id, service, event_type_code, category, region,
    availability_zone, status, scope, start_time, end_time, last_updated_time, description, metadata_json, actionability,
    personas_json, origins, entity_counts_json, first_seen_at, updated_at)
    VALUES (@id, @arn, @account_id, @service, @event_type_code, @category, @region, @availability_zone, @status, @scope,
    @start_time, @end_time, @last_updated_time, @description, @metadata_json, @actionability, @personas_json, @origins,
    @entity_counts_json, @first_seen_at, @updated_at)`);
  const updateEvent = db.prepare(`UPDATE account_events SET service = @service, event_type_code = @event_type_code,
    category = @category, region = @region, availability_zone = @availability_zone, status = @status, scope = @scope,
    start_time = @start_time, end_time = @end_time, last_updated_time = @last_updated_time, description = @description,
    metadata_json = @metadata_json, actionability = @actionability, personas_json = @personas_json, origins = @origins,
    updated_at = @updated_at WHERE id = @id`);
  const nextSeq = db.prepare<[string], { seq: number | null }>("SELECT MAX(seq) AS seq FROM account_event_updates WHERE event_id = ?");
  const insertUpdate = db.prepare("INSERT INTO account_event_updates (event_id, seq, at, status, description) VALUES (?, ?, ?, ?, ?)");
  const selectUpdates = db.prepare<[string], { at: number; status: string; description: string }>(
    "SELECT at, status, description FROM account_event_updates WHERE event_id = ? ORDER BY seq DESC",
  );
  const countActive = db.prepare<[], ActiveEventCountRow>(ACTIVE_EVENT_COUNTS_SQL);
  const selectScheduledStarts = db.prepare<[], { start_time: number }>(SCHEDULED_CHANGE_STARTS_SQL);
  const insertReceipt = db.prepare(
    "INSERT OR IGNORE INTO ingest_receipts (account_id, event_arn, communication_id, received_at) VALUES (?, ?, ?, ?)",
  );

  /** Merges one record into the stored event; a status or description change adds an update to its history. */
  async function upsertEvent(record: AccountEventRecord, nowMs: number): Promise<UpsertEventOutcome> {
    const id = deriveAccountEventId(record.arn, record.accountId);
    const before = selectById.get(id) ?? null;
    const merged = mergeEvent(id, record, before, nowMs);
    if (!before) {
      insertEvent.run(merged);
    } else {
      if (!isEventRowChanged(merged, before)) return { id, created: false, changed: false, before: toAccountEvent(before), after: null };
      updateEvent.run(merged);
    }
    const isNewChapter = !before || before.status !== merged.status || before.description !== merged.description;
    if (isNewChapter) {
      const seq = (nextSeq.get(id)?.seq ?? 0) + 1;
      insertUpdate.run(id, seq, merged.last_updated_time ?? nowMs, merged.status, merged.description);
    }
    return { id, created: !before, changed: true, before: before ? toAccountEvent(before) : null, after: toAccountEvent(merged) };
  }

  return {
    ...createAffectedEntitiesRepo(db),
    upsertEvent,
    async upsertEvents(records, nowMs) {
      const outcomes = [];
      for (const record of records) outcomes.push(await upsertEvent(record, nowMs));
      return outcomes;
    },
    async getById(id) {
      const row = selectById.get(id);
      return row ? toAccountEvent(row) : null;
    },
    async listUpdates(id) {
      return selectUpdates.all(id).map((row) => ({ at: new Date(row.at).toISOString(), status: row.status, description: row.description }));
    },
    async listEvents(filter) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.categories.length) where.push(inList("category", filter.categories, params));
      if (filter.statuses.length) where.push(inList("status", filter.statuses, params));
      if (filter.regions.length) where.push(inList("region", filter.regions, params));
      if (filter.services.length) where.push(inList("UPPER(service)", filter.services.map((s) => s.toUpperCase()), params));
      if (filter.accounts.length) where.push(inList("account_id", filter.accounts, params));
      if (filter.eventTypeCodes.length) where.push(inList("event_type_code", filter.eventTypeCodes, params));
      if (filter.from !== null) {
        where.push("(end_time IS NULL OR end_time >= ?)");
        params.push(filter.from);
      }
      if (filter.to !== null) {
        where.push("(start_time IS NULL OR start_time <= ?)");
        params.push(filter.to);
      }
      if (filter.search) {
        where.push("(description LIKE ? ESCAPE '\\' OR event_type_code LIKE ? ESCAPE '\\' OR arn LIKE ? ESCAPE '\\' OR service LIKE ? ESCAPE '\\')");
        const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        params.push(like, like, like, like);
      }
      const sql = `SELECT * FROM account_events ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY COALESCE(last_updated_time, start_time, first_seen_at) DESC LIMIT ?`;
      params.push(filter.limit);
      return db.prepare<unknown[], EventRow>(sql).all(...params).map(toAccountEvent);
    },
    async countActiveEvents() {
      return countActive.all().map(toActiveEventCount);
    },
    async listScheduledChangeStarts() {
      return selectScheduledStarts.all().map((row) => row.start_time);
    },
    /** True the first time (account, event ARN, communication id) is seen: EventBridge delivers at least once. */
    async recordReceipt(accountId, eventArn, communicationId, nowMs) {
      return insertReceipt.run(accountId, eventArn, communicationId, nowMs).changes === 1;
    },
  };
}

