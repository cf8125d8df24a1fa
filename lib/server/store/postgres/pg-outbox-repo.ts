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
import { execute, selectRow, selectRows, type Queryable } from "@/lib/server/store/postgres/queryable";

const FOLDABLE = FOLDABLE_CONDITION.replace("{now}", "$1").replace("{channel}", "$2").replace("{claimed}", "SELECT unnest($4::bigint[])").replace("{false}", "FALSE");
const PRUNABLE = PRUNABLE_CONDITION.replace("{before}", "$1");
const STORM_WAITING = STORM_WAITING_CONDITION.replace("{now}", "$1").replace("{channel}", "$2").replace("{false}", "FALSE");
const RETURNED = `n.id, n.idempotency_key, n.channel, n.kind, n.event_id, n.journal_id, n.status, n.attempts, n.next_attempt_at, n.deadline_at,
  n.last_error, n.last_status, n.created_at, n.sent_at, n.message_json, n.is_security, n.folded_into, n.change_json`;

/** Claims lock their rows and skip rows another transaction holds (FOR UPDATE SKIP LOCKED): replicas never share one. */
export function createPgOutboxRepo(db: Queryable): OutboxRepo {
  const enqueue = (deliveries: readonly NewDelivery[]) =>
    execute(
      db,
      `INSERT INTO notify_deliveries (idempotency_key, channel, kind, event_id, journal_id, status, attempts, next_attempt_at, deadline_at, created_at, message_json, is_security, change_json)
       SELECT d.key, d.channel, d.kind, d.event_id, d.journal_id, 'queued', 0, d.created_at, d.deadline_at, d.created_at, d.message_json, d.is_security, d.change_json
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::boolean[], $10::text[])
         WITH ORDINALITY AS d(key, channel, kind, event_id, journal_id, created_at, deadline_at, message_json, is_security, change_json, ord)
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
        deliveries.map((d) => d.isSecurity === true),
        deliveries.map((d) => (d.change == null ? null : JSON.stringify(d.change))),
      ],
    );
  return {
    async enqueue(deliveries) {
      if (deliveries.length === 0) return 0;
      return enqueue(deliveries);
    },
    async claimDue(now, leaseUntil, limit) {
      const rows = await selectRows<DeliveryRow>(
        db,
        `WITH due AS (
           SELECT d.id FROM notify_deliveries d WHERE ${DUE_CONDITION.replace("{now}", "$1")} ORDER BY d.is_security DESC, d.id LIMIT $3 FOR UPDATE SKIP LOCKED)
         UPDATE notify_deliveries AS n SET next_attempt_at = $2 FROM due WHERE n.id = due.id
         RETURNING ${RETURNED}`,
        [now, leaseUntil, limit],
      );
      // Security events first, then oldest first.
      return rows.map(toDelivery).sort((a, b) => Number(b.isSecurity) - Number(a.isSecurity) || a.id - b.id);
    },
    async recordAttempt(id, result) {
      await execute(
        db,
        `UPDATE notify_deliveries SET attempts = attempts + 1, status = $1, next_attempt_at = $2, last_error = $3, last_status = $4,
           sent_at = CASE WHEN $1 = 'sent' THEN $5 ELSE sent_at END WHERE id = $6`,
        [result.status, result.nextAttemptAt, cutError(result.lastError), result.lastStatus, result.at, id],
      );
      await execute(
        db,
        `INSERT INTO notify_attempts (delivery_id, channel, at, outcome, response_status, error, duration_ms, response_text)
         SELECT id, channel, $1, $2, $3, $4, $5, $6 FROM notify_deliveries WHERE id = $7`,
        [result.at, result.status, result.lastStatus, cutError(result.lastError), result.durationMs ?? null, result.responseText?.slice(0, 1000) ?? null, id],
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
    async get(id) {
      const row = await selectRow<DeliveryRow>(db, "SELECT * FROM notify_deliveries WHERE id = $1", [id]);
      return row ? toDelivery(row) : null;
    },
    async listAttempts(deliveryId, limit) {
      return (await selectRows<AttemptRow>(db, "SELECT * FROM notify_attempts WHERE delivery_id = $1 ORDER BY id LIMIT $2", [deliveryId, limit])).map(toAttempt);
    },
    async listChannelActivity() {
      return (await selectRows<ChannelActivityRow>(db, CHANNEL_ACTIVITY_SQL)).map(toChannelActivity);
    },
    async countFoldable(channel, now, since) {
      const row = await selectRow<{ count: string }>(db, `SELECT COUNT(*) AS count FROM notify_deliveries WHERE ${STORM_WAITING} AND created_at >= $3`, [now, channel, since]);
      return Number(row?.count ?? 0);
    },
    async selectFoldable(channel, now, limit, claimed = []) {
      const rows = await selectRows<DeliveryRow>(db, `SELECT * FROM notify_deliveries WHERE ${FOLDABLE} ORDER BY id LIMIT $3 FOR UPDATE`, [now, channel, limit, [...claimed]]);
      return rows.map(toDelivery);
    },
    async fold(ids, digest) {
      if ((await enqueue([digest])) === 0) return null;
      const row = await selectRow<{ id: string }>(db, "SELECT id FROM notify_deliveries WHERE idempotency_key = $1", [digest.key]);
      const digestId = Number(row?.id);
      const folded = await execute(db, "UPDATE notify_deliveries SET status = 'folded', folded_into = $1 WHERE id = ANY($2::bigint[]) AND status = 'queued'", [digestId, [...ids]]);
      if (folded !== ids.length) throw new Error(`${ids.length - folded} of the deliveries to fold are no longer queued: not folded`);
      return digestId;
    },
    async prune(beforeMs) {
      await execute(db, `DELETE FROM notify_attempts WHERE delivery_id IN (SELECT id FROM notify_deliveries WHERE ${PRUNABLE})`, [beforeMs]);
      return execute(db, `DELETE FROM notify_deliveries WHERE ${PRUNABLE}`, [beforeMs]);
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
