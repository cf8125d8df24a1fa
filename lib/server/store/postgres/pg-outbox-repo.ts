import { buildDeliveryWhere, cutError, DUE_CONDITION, emptyCounts, toBrokenChannel, toDelivery, type BrokenChannelRow, type DeliveryRow } from "@/lib/server/store/common/outbox-rows";
import type { DeliveryStatus, OutboxRepo } from "@/lib/server/store/contract/outbox-contract";
import { execute, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";

/** Claims lock their rows and skip rows another transaction holds (FOR UPDATE SKIP LOCKED): replicas never share one. */
export function createPgOutboxRepo(db: Queryable): OutboxRepo {
  return {
    async enqueue(deliveries) {
      if (deliveries.length === 0) return 0;
      return execute(
        db,
        `INSERT INTO notify_deliveries (idempotency_key, channel, kind, event_id, journal_id, status, attempts, next_attempt_at, deadline_at, created_at, message_json)
         SELECT d.key, d.channel, d.kind, d.event_id, d.journal_id, 'queued', 0, d.created_at, d.deadline_at, d.created_at, d.message_json
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[])
           WITH ORDINALITY AS d(key, channel, kind, event_id, journal_id, created_at, deadline_at, message_json, ord)
         ORDER BY d.ord
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [
          deliveries.map((d) => d.key),
          deliveries.map((d) => d.channel),
          deliveries.map((d) => d.kind),
          deliveries.map((d) => d.eventId),
          deliveries.map((d) => d.journalId),
          deliveries.map((d) => d.createdAt),
          deliveries.map((d) => d.deadlineAt),
          deliveries.map((d) => JSON.stringify(d.message)),
        ],
      );
    },
    async claimDue(now, leaseUntil, limit) {
      const rows = await selectRows<DeliveryRow>(
        db,
        `WITH due AS (
           SELECT d.id FROM notify_deliveries d WHERE ${DUE_CONDITION.replace("{now}", "$1")} ORDER BY d.id LIMIT $3 FOR UPDATE SKIP LOCKED)
         UPDATE notify_deliveries AS n SET next_attempt_at = $2 FROM due WHERE n.id = due.id
         RETURNING n.id, n.idempotency_key, n.channel, n.kind, n.event_id, n.journal_id, n.status, n.attempts, n.next_attempt_at, n.deadline_at,
           n.last_error, n.last_status, n.created_at, n.sent_at, n.message_json`,
        [now, leaseUntil, limit],
      );
      return rows.map(toDelivery).sort((a, b) => a.id - b.id);
    },
    async recordAttempt(id, result) {
      await execute(
        db,
        `UPDATE notify_deliveries SET attempts = attempts + 1, status = $1, next_attempt_at = $2, last_error = $3, last_status = $4,
           sent_at = CASE WHEN $1 = 'sent' THEN $5 ELSE sent_at END WHERE id = $6`,
        [result.status, result.nextAttemptAt, cutError(result.lastError), result.lastStatus, result.at, id],
      );
    },
    async release(id, nextAttemptAt) {
      await execute(db, "UPDATE notify_deliveries SET next_attempt_at = $1 WHERE id = $2", [nextAttemptAt, id]);
    },
    async list(query) {
      const { where, params } = buildDeliveryWhere(query, (index) => `$${index}`);
      const rows = await selectRows<DeliveryRow>(db, `SELECT * FROM notify_deliveries WHERE ${where} ORDER BY id LIMIT $${params.length + 1}`, [...params, query.limit]);
      return rows.map(toDelivery);
    },
    async countByStatus() {
      const result = emptyCounts();
      for (const row of await selectRows<{ status: string; count: number }>(db, "SELECT status, COUNT(*) AS count FROM notify_deliveries GROUP BY status")) {
        result[row.status as DeliveryStatus] = Number(row.count);
      }
      return result;
    },
    async setChannelBroken(channel, broken) {
      if (!broken) {
        await execute(db, "DELETE FROM notify_channels WHERE channel = $1", [channel]);
        return;
      }
      await execute(
        db,
        `INSERT INTO notify_channels (channel, target_hash, broken_at, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel) DO UPDATE SET target_hash = EXCLUDED.target_hash, broken_at = EXCLUDED.broken_at, reason = EXCLUDED.reason`,
        [channel, broken.targetHash, broken.at, cutError(broken.reason)],
      );
    },
    async listBrokenChannels() {
      return (await selectRows<BrokenChannelRow>(db, "SELECT * FROM notify_channels ORDER BY channel")).map(toBrokenChannel);
    },
  };
}
