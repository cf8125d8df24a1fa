import { buildDeliveryWhere, cutError, DUE_CONDITION, emptyCounts, toBrokenChannel, toDelivery, type BrokenChannelRow, type DeliveryRow } from "@/lib/server/store/common/outbox-rows";
import type { DeliveryStatus, OutboxRepo } from "@/lib/server/store/contract/outbox-contract";
import type { SqliteDatabase } from "@/lib/server/store/sqlite/open-database";

/** One process writes a SQLite store, so a claim inside its transaction is already exclusive. */
export function createOutboxRepo(db: SqliteDatabase): OutboxRepo {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO notify_deliveries (idempotency_key, channel, kind, event_id, journal_id, status, attempts, next_attempt_at, deadline_at, created_at, message_json)
     VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?)`,
  );
  const selectDue = db.prepare<[number, number], DeliveryRow>(`SELECT d.* FROM notify_deliveries d WHERE ${DUE_CONDITION.replace("{now}", "?")} ORDER BY d.id LIMIT ?`);
  const lease = db.prepare("UPDATE notify_deliveries SET next_attempt_at = ? WHERE id = ?");
  const attempt = db.prepare(
    `UPDATE notify_deliveries SET attempts = attempts + 1, status = ?, next_attempt_at = ?, last_error = ?, last_status = ?,
       sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?`,
  );
  const counts = db.prepare<[], { status: string; count: number }>("SELECT status, COUNT(*) AS count FROM notify_deliveries GROUP BY status");
  const upsertBroken = db.prepare(
    `INSERT INTO notify_channels (channel, target_hash, broken_at, reason) VALUES (?, ?, ?, ?)
     ON CONFLICT(channel) DO UPDATE SET target_hash = excluded.target_hash, broken_at = excluded.broken_at, reason = excluded.reason`,
  );
  const deleteBroken = db.prepare("DELETE FROM notify_channels WHERE channel = ?");
  const selectBroken = db.prepare<[], BrokenChannelRow>("SELECT * FROM notify_channels ORDER BY channel");

  return {
    async enqueue(deliveries) {
      let added = 0;
      for (const d of deliveries) added += insert.run(d.key, d.channel, d.kind, d.eventId, d.journalId, d.createdAt, d.deadlineAt, d.createdAt, JSON.stringify(d.message)).changes;
      return added;
    },
    async claimDue(now, leaseUntil, limit) {
      const rows = selectDue.all(now, limit);
      for (const row of rows) lease.run(leaseUntil, row.id);
      return rows.map((row) => ({ ...toDelivery(row), nextAttemptAt: leaseUntil }));
    },
    async recordAttempt(id, result) {
      attempt.run(result.status, result.nextAttemptAt, cutError(result.lastError), result.lastStatus, result.status, result.at, id);
    },
    async release(id, nextAttemptAt) {
      lease.run(nextAttemptAt, id);
    },
    async list(query) {
      const { where, params } = buildDeliveryWhere(query, () => "?");
      return db.prepare<unknown[], DeliveryRow>(`SELECT * FROM notify_deliveries WHERE ${where} ORDER BY id LIMIT ?`).all(...params, query.limit).map(toDelivery);
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
