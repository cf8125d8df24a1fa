import type { AccountEventRecord } from "@/lib/server/domain/account-health-records";
import { deriveAccountEventId } from "@/lib/server/domain/derive-record-ids";
import type { AccountEventsRepo } from "@/lib/server/store/contract/store-contract";
import type { UpsertEventOutcome } from "@/lib/server/store/contract/store-records";
import { isEventRowChanged, mergeEvent, toAccountEvent, type EventRow } from "@/lib/server/store/common/account-event-rows";
import { ACTIVE_EVENT_COUNTS_SQL, SCHEDULED_CHANGE_STARTS_SQL, toActiveEventCount, type ActiveEventCountRow } from "@/lib/server/store/common/account-event-counts";
import { execute, selectRow, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";
import { likePattern } from "@/lib/server/store/postgres/pg-entity-query-sql";

const COLUMNS = [
  "id", "arn", "account_id", "service", "event_type_code", "category", "region", "availability_zone", "status", "scope",
  "start_time", "end_time", "last_updated_time", "description", "metadata_json", "actionability", "personas_json", "origins",
  "entity_counts_json", "first_seen_at", "updated_at",
] as const satisfies readonly (keyof EventRow)[];
const SELECT_EVENT = `SELECT ${COLUMNS.join(", ")} FROM account_events`;
const INSERT_EVENT = `INSERT INTO account_events (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((_, index) => `$${index + 1}`).join(", ")})
  ON CONFLICT (id) DO NOTHING`;
const UPDATED = COLUMNS.filter((column) => column !== "id" && column !== "arn" && column !== "account_id" && column !== "entity_counts_json" && column !== "first_seen_at");
const UPDATE_EVENT = `UPDATE account_events SET ${UPDATED.map((column, index) => `${column} = $${index + 2}`).join(", ")} WHERE id = $1`;

/** The account events themselves (entities: pg-affected-entities-repo). */
export function createPgAccountEventsRepo(db: Queryable): AccountEventsRepo {
  const selectForUpdate = (id: string) => selectRow<EventRow>(db, `${SELECT_EVENT} WHERE id = $1 FOR UPDATE`, [id]);

  const isChanged = isEventRowChanged;

  /**
   * Inserts or merges under the row lock; a concurrent first insert of the same event turns into a merge. An
   * unchanged record returns after a plain read: no lock, so the transaction stays read-only and announces nothing.
   */
  async function writeEvent(id: string, record: AccountEventRecord, nowMs: number): Promise<{ before: EventRow | null; merged: EventRow | null }> {
    const unlocked = await selectRow<EventRow>(db, `${SELECT_EVENT} WHERE id = $1`, [id]);
    if (unlocked && !isChanged(mergeEvent(id, record, unlocked, nowMs), unlocked)) return { before: unlocked, merged: null };
    // Not there a moment ago: try the insert straight away (a concurrent first insert makes it a merge below).
    let before = unlocked ? await selectForUpdate(id) : null;
    if (!before) {
      const merged = mergeEvent(id, record, null, nowMs);
      if ((await execute(db, INSERT_EVENT, COLUMNS.map((column) => merged[column]))) === 1) return { before: null, merged };
      before = await selectForUpdate(id);
      if (!before) throw new Error(`account event ${id} vanished during upsert`);
    }
    const merged = mergeEvent(id, record, before, nowMs);
    if (!isChanged(merged, before)) return { before, merged: null };
    await execute(db, UPDATE_EVENT, [id, ...UPDATED.map((column) => merged[column])]);
    return { before, merged };
  }

async function upsertEvent(record: AccountEventRecord, nowMs: number): Promise<UpsertEventOutcome> {
    const id = deriveAccountEventId(record.arn, record.accountId);
    const { before, merged } = await writeEvent(id, record, nowMs);
    if (!merged) return { id, created: false, changed: false, before: before ? toAccountEvent(before) : null, after: null };
    const isNewChapter = !before || before.status !== merged.status || before.description !== merged.description;
    if (isNewChapter) {
      await execute(
        db,
        `INSERT INTO account_event_updates (event_id, seq, at, status, description)
         SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4 FROM account_event_updates WHERE event_id = $1`,
        [id, merged.last_updated_time ?? nowMs, merged.status, merged.description],
      );
    }
    return { id, created: !before, changed: true, before: before ? toAccountEvent(before) : null, after: toAccountEvent(merged) };
  }

  return {
    upsertEvent,
    /**
     * A page of records in a few statements: one read of what is stored, one multi-row insert of the new events,
     * one insert of their first chapters. Changed events, and any that another writer inserted meanwhile, take the
     * single-record path (under the row lock), so the result is what upsertEvent gives record by record.
     */
    async upsertEvents(records, nowMs) {
      const ids = records.map((record) => deriveAccountEventId(record.arn, record.accountId));
      if (new Set(ids).size !== ids.length) {
        const outcomes: UpsertEventOutcome[] = [];
        for (const record of records) outcomes.push(await upsertEvent(record, nowMs));
        return outcomes;
      }
      const stored = new Set((await selectRows<{ id: string }>(db, "SELECT id FROM account_events WHERE id = ANY($1::text[])", [ids])).map((row) => row.id));
      const fresh = new Map<string, EventRow>();
      for (const [index, record] of records.entries()) {
        const id = ids[index] ?? "";
        if (!stored.has(id)) fresh.set(id, mergeEvent(id, record, null, nowMs));
      }
      const inserted = new Set<string>();
      if (fresh.size > 0) {
        const rows = [...fresh.values()];
        const values = rows.map((_, row) => `(${COLUMNS.map((__, column) => `$${row * COLUMNS.length + column + 1}`).join(", ")})`).join(", ");
        const result = await db.query<{ id: string }>(
          `INSERT INTO account_events (${COLUMNS.join(", ")}) VALUES ${values} ON CONFLICT (id) DO NOTHING RETURNING id`,
          rows.flatMap((row) => COLUMNS.map((column) => row[column])),
        );
        for (const row of result.rows) inserted.add(row.id);
        const chapters = rows.filter((row) => inserted.has(row.id));
        if (chapters.length > 0) {
          await execute(
            db,
            `INSERT INTO account_event_updates (event_id, seq, at, status, description) SELECT id, 1, at, status, description
             FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) AS chapter(id, at, status, description)`,
            [chapters.map((row) => row.id), chapters.map((row) => row.last_updated_time ?? nowMs), chapters.map((row) => row.status), chapters.map((row) => row.description)],
          );
        }
      }
      const outcomes: UpsertEventOutcome[] = [];
      for (const [index, record] of records.entries()) {
        const id = ids[index] ?? "";
        const merged = fresh.get(id);
        if (merged && inserted.has(id)) outcomes.push({ id, created: true, changed: true, before: null, after: toAccountEvent(merged) });
        else outcomes.push(await upsertEvent(record, nowMs));
      }
      return outcomes;
    },
    async getById(id) {
      const row = await selectRow<EventRow>(db, `${SELECT_EVENT} WHERE id = $1`, [id]);
      return row ? toAccountEvent(row) : null;
    },
    async listUpdates(id) {
      const rows = await selectRows<{ at: number; status: string; description: string }>(
        db,
        "SELECT at, status, description FROM account_event_updates WHERE event_id = $1 ORDER BY seq DESC",
        [id],
      );
      return rows.map((row) => ({ at: new Date(row.at).toISOString(), status: row.status, description: row.description }));
    },
    async listEvents(filter) {
      const where: string[] = [];
      const values: unknown[] = [];
      const param = (value: unknown) => {
        values.push(value);
        return `$${values.length}`;
      };
      const inList = (column: string, list: readonly string[]) => {
        if (list.length) where.push(`${column} = ANY(${param(list)}::text[])`);
      };
      inList("category", filter.categories);
      inList("status", filter.statuses);
      inList("region", filter.regions);
      // UPPER of a "C" column folds ASCII only, like SQLite's.
      inList("UPPER(service)", filter.services.map((service) => service.toUpperCase()));
      inList("account_id", filter.accounts);
      inList("event_type_code", filter.eventTypeCodes);
      if (filter.from !== null) where.push(`(end_time IS NULL OR end_time >= ${param(filter.from)})`);
      if (filter.to !== null) where.push(`(start_time IS NULL OR start_time <= ${param(filter.to)})`);
      if (filter.search) {
        const like = param(likePattern(filter.search));
        where.push(`(description ILIKE ${like} OR event_type_code ILIKE ${like} OR arn ILIKE ${like} OR service ILIKE ${like})`);
      }
      const sql = `${SELECT_EVENT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY COALESCE(last_updated_time, start_time, first_seen_at) DESC LIMIT ${param(filter.limit)}`;
      return (await selectRows<EventRow>(db, sql, values)).map(toAccountEvent);
    },
    async countActiveEvents() {
      return (await selectRows<ActiveEventCountRow>(db, ACTIVE_EVENT_COUNTS_SQL)).map(toActiveEventCount);
    },
    async listScheduledChangeStarts() {
      return (await selectRows<{ start_time: number }>(db, SCHEDULED_CHANGE_STARTS_SQL)).map((row) => row.start_time);
    },
    /** Exactly once also across connections: a concurrent insert of the same key waits for the first, then does nothing. */
    async recordReceipt(accountId, eventArn, communicationId, nowMs) {
      const inserted = await execute(
        db,
        `INSERT INTO ingest_receipts (account_id, event_arn, communication_id, received_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, event_arn, communication_id) DO NOTHING`,
        [accountId, eventArn, communicationId, nowMs],
      );
      return inserted === 1;
    },
  };
}
