import {
  buildDeliveryWhere,
  CHANNEL_ACTIVITY_SQL,
  cutError,
  DUE_CONDITION,
  emptyCounts,
  FOLDABLE_CONDITION,
  STORM_WAITING_CONDITION,
  PRUNABLE_CONDITION,
  toAttempt,
  toBrokenChannel,
  toChannelActivity,
  toDelivery,
  type AttemptRow,
  type BrokenChannelRow,
  type ChannelActivityRow,
  type DeliveryRow,
} from "@/lib/server/store/common/outbox-rows";
import type { DeliveryStatus, NewDelivery, OutboxRepo } from "@/lib/server/store/contract/outbox-contract";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

const FOLDABLE = FOLDABLE_CONDITION.replace("{now}", "?").replace("{claimed}", "SELECT value FROM json_each(?)").replace("{channel}", "?").replace("{false}", "0");
const PRUNABLE = PRUNABLE_CONDITION.replace("{before}", "?");
const STORM_WAITING = STORM_WAITING_CONDITION.replace("{now}", "?").replace("{channel}", "?").replace("{false}", "0");

/** One process writes a SQLite store, so a claim inside its transaction is already exclusive. */
export function createOutboxRepo(db: SqliteDatabase): OutboxRepo {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO notify_deliveries (idempotency_key, channel, kind, event_id, journal_id, status, attempts, next_attempt_at, deadline_at, created_at, message_json, is_security, change_json)
     VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?)`,
  );
  // Security events first, then oldest first.
  const selectDue = db.prepare<[number, number], DeliveryRow>(`SELECT d.* FROM notify_deliveries d WHERE ${DUE_CONDITION.replace("{now}", "?")} ORDER BY d.is_security DESC, d.id LIMIT ?`);
  const lease = db.prepare("UPDATE notify_deliveries SET next_attempt_at = ? WHERE id = ?");
  const attempt = db.prepare(
    `UPDATE notify_deliveries SET attempts = attempts + 1, status = ?, next_attempt_at = ?, last_error = ?, last_status = ?,
       sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?`,
  );
  const insertAttempt = db.prepare(
    `INSERT INTO notify_attempts (delivery_id, channel, at, outcome, response_status, error, duration_ms, response_text)
     SELECT id, channel, ?, ?, ?, ?, ?, ? FROM notify_deliveries WHERE id = ?`,
  );
  const counts = db.prepare<[], { status: string; count: number }>("SELECT status, COUNT(*) AS count FROM notify_deliveries GROUP BY status");
  const upsertBroken = db.prepare(
    `INSERT INTO notify_channels (channel, target_hash, broken_at, reason) VALUES (?, ?, ?, ?)
     ON CONFLICT(channel) DO UPDATE SET target_hash = excluded.target_hash, broken_at = excluded.broken_at, reason = excluded.reason`,
  );
  const deleteBroken = db.prepare("DELETE FROM notify_channels WHERE channel = ?");
  const selectBroken = db.prepare<[], BrokenChannelRow>("SELECT * FROM notify_channels ORDER BY channel");
  const selectOne = db.prepare<[number], DeliveryRow>("SELECT * FROM notify_deliveries WHERE id = ?");
  const selectAttempts = db.prepare<[number, number], AttemptRow>("SELECT * FROM notify_attempts WHERE delivery_id = ? ORDER BY id LIMIT ?");
  const selectActivity = db.prepare<[], ChannelActivityRow>(CHANNEL_ACTIVITY_SQL);
  const countFoldable = db.prepare<[number, string, number], { count: number }>(`SELECT COUNT(*) AS count FROM notify_deliveries WHERE ${STORM_WAITING} AND created_at >= ?`);
  const selectFoldable = db.prepare<[number, string, string, number], DeliveryRow>(`SELECT * FROM notify_deliveries WHERE ${FOLDABLE} ORDER BY id LIMIT ?`);
  const markFolded = db.prepare("UPDATE notify_deliveries SET status = 'folded', folded_into = ? WHERE id = ? AND status = 'queued'");

  const insertOne = (d: NewDelivery) =>
    insert.run(d.key, d.channel, d.kind, d.eventId, d.journalId, d.createdAt, d.deadlineAt, d.createdAt, JSON.stringify(d.message), d.isSecurity ? 1 : 0, d.change == null ? null : JSON.stringify(d.change));

  return {
    async enqueue(deliveries) {
      let added = 0;
      for (const d of deliveries) added += insertOne(d).changes;
      return added;
    },
    async claimDue(now, leaseUntil, limit) {
      const rows = selectDue.all(now, limit);
      for (const row of rows) lease.run(leaseUntil, row.id);
      return rows.map((row) => ({ ...toDelivery(row), nextAttemptAt: leaseUntil }));
    },
    async recordAttempt(id, result) {
      attempt.run(result.status, result.nextAttemptAt, cutError(result.lastError), result.lastStatus, result.status, result.at, id);
      insertAttempt.run(result.at, result.status, result.lastStatus, cutError(result.lastError), result.durationMs ?? null, result.responseText?.slice(0, 1000) ?? null, id);
    },
    async release(id, nextAttemptAt) {
      lease.run(nextAttemptAt, id);
    },
    async list(query) {
      const { where, params } = buildDeliveryWhere(query, () => "?");
      return db.prepare<unknown[], DeliveryRow>(`SELECT * FROM notify_deliveries WHERE ${where} ORDER BY id LIMIT ?`).all(...params, query.limit).map(toDelivery);
    },
    async get(id) {
      const row = selectOne.get(id);
      return row ? toDelivery(row) : null;
    },
    async listAttempts(deliveryId, limit) {
      return selectAttempts.all(deliveryId, limit).map(toAttempt);
    },
    async listChannelActivity() {
      return selectActivity.all().map(toChannelActivity);
    },
    async countFoldable(channel, now, since) {
      return countFoldable.get(now, channel, since)?.count ?? 0;
    },
    async selectFoldable(channel, now, limit, claimed = []) {
      return selectFoldable.all(now, JSON.stringify(claimed), channel, limit).map(toDelivery);
    },
    async fold(ids, digest) {
      if (insertOne(digest).changes === 0) return null;
      const digestId = Number(db.prepare<[string], { id: number }>("SELECT id FROM notify_deliveries WHERE idempotency_key = ?").get(digest.key)?.id);
      for (const id of ids) {
        if (markFolded.run(digestId, id).changes !== 1) throw new Error(`delivery ${id} is no longer queued: not folded`);
      }
      return digestId;
    },
    async prune(beforeMs) {
      db.prepare<[number]>(`DELETE FROM notify_attempts WHERE delivery_id IN (SELECT id FROM notify_deliveries WHERE ${PRUNABLE})`).run(beforeMs);
      return db.prepare<[number]>(`DELETE FROM notify_deliveries WHERE ${PRUNABLE}`).run(beforeMs).changes;
    },
    async countByStatus() {
      const result = emptyCounts();
      for (const row of counts.all()) result[row.status as DeliveryStatus] = row.count;
      return result;
    },
    async setChannelBroken(channel, broken) {
      if (broken) upsertBroken.run(channel, broken.targetHash, broken.at, cutError(broken.reason));
      else deleteBroken.run(channel);
    },
    async listBrokenChannels() {
      return selectBroken.all().map(toBrokenChannel);
    },
  };
}
