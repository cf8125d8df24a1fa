import type { BrokenChannel, ChannelActivity, Delivery, DeliveryAttempt, DeliveryQuery, DeliveryStatus } from "@/lib/server/store/contract/outbox-contract";

export interface DeliveryRow {
  id: number;
  idempotency_key: string;
  channel: string;
  kind: string;
  event_id: string;
  journal_id: number;
  status: string;
  attempts: number;
  next_attempt_at: number;
  deadline_at: number;
  last_error: string | null;
  last_status: number | null;
  created_at: number;
  sent_at: number | null;
  message_json: string;
  is_security: number | boolean;
  folded_into: number | null;
  change_json: string | null;
}

export interface AttemptRow {
  delivery_id: number;
  at: number;
  outcome: string;
  response_status: number | null;
  error: string | null;
  duration_ms: number | null;
  response_text: string | null;
}

export interface ChannelActivityRow {
  channel: string;
  last_success_at: number | null;
  last_error_at: number | null;
  last_error: string | null;
}

export interface BrokenChannelRow {
  channel: string;
  target_hash: string;
  broken_at: number;
  reason: string;
}

/** Rows are ours: the status column only ever holds a DeliveryStatus. */
export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: Number(row.id),
    key: row.idempotency_key,
    channel: row.channel,
    kind: row.kind,
    eventId: row.event_id,
    journalId: Number(row.journal_id),
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: Number(row.next_attempt_at),
    deadlineAt: Number(row.deadline_at),
    lastError: row.last_error,
    lastStatus: row.last_status,
    createdAt: Number(row.created_at),
    sentAt: row.sent_at === null ? null : Number(row.sent_at),
    message: JSON.parse(row.message_json) as unknown,
    isSecurity: Boolean(row.is_security),
    foldedInto: row.folded_into === null ? null : Number(row.folded_into),
    change: row.change_json === null ? null : (JSON.parse(row.change_json) as unknown),
  };
}

export const toAttempt = (row: AttemptRow): DeliveryAttempt => ({
  deliveryId: Number(row.delivery_id),
  at: Number(row.at),
  outcome: row.outcome as DeliveryStatus,
  responseStatus: row.response_status,
  error: row.error,
  durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
  responseText: row.response_text,
});

export const toChannelActivity = (row: ChannelActivityRow): ChannelActivity => ({
  channel: row.channel,
  lastSuccessAt: row.last_success_at === null ? null : Number(row.last_success_at),
  lastErrorAt: row.last_error_at === null ? null : Number(row.last_error_at),
  lastError: row.last_error,
});

/** Per channel: the newest successful attempt, and the newest attempt that carried an error. */
export const CHANNEL_ACTIVITY_SQL = `SELECT c.channel,
    (SELECT MAX(s.at) FROM notify_attempts s WHERE s.channel = c.channel AND s.outcome = 'sent') AS last_success_at,
    e.at AS last_error_at, e.error AS last_error
  FROM (SELECT DISTINCT channel FROM notify_attempts) c
  LEFT JOIN notify_attempts e ON e.id = (SELECT MAX(x.id) FROM notify_attempts x WHERE x.channel = c.channel AND x.error IS NOT NULL)
  ORDER BY c.channel`;

/**
 * Waiting messages a storm counts: queued and created by {now}, whether due, leased by a claimer that is sending them
 * one by one, or backing off: a claimed batch is still part of the storm (its claimer gives the rest back).
 */
export const STORM_WAITING_CONDITION = `status = 'queued' AND created_at <= {now} AND channel = {channel} AND kind <> 'digest' AND is_security = {false}`;

/**
 * What a storm may fold ({now}, {channel}, {claimed} placeholders): queued, not a security event, not a digest, and
 * either due or claimed by the folder itself (its lease keeps it from being due, yet no one else is sending it).
 */
export const FOLDABLE_CONDITION = `status = 'queued' AND (next_attempt_at <= {now} OR id IN ({claimed})) AND channel = {channel} AND kind <> 'digest' AND is_security = {false}`;

export const toBrokenChannel = (row: BrokenChannelRow): BrokenChannel => ({ channel: row.channel, targetHash: row.target_hash, at: Number(row.broken_at), reason: row.reason });

export const cutError = (error: string | null) => (error === null ? null : error.slice(0, 500));

/** WHERE of a delivery log page; `placeholder(i)` renders the i-th parameter. */
export function buildDeliveryWhere(query: DeliveryQuery, placeholder: (index: number) => string): { where: string; params: unknown[] } {
  const params: unknown[] = [query.after];
  const where = [`id > ${placeholder(1)}`];
  if (query.channel !== null) {
    params.push(query.channel);
    where.push(`channel = ${placeholder(params.length)}`);
  }
  if (query.status !== null) {
    params.push(query.status);
    where.push(`status = ${placeholder(params.length)}`);
  }
  if (query.kind != null) {
    params.push(query.kind);
    where.push(`kind = ${placeholder(params.length)}`);
  }
  if (query.foldedInto != null) {
    params.push(query.foldedInto);
    where.push(`folded_into = ${placeholder(params.length)}`);
  }
  return { where: where.join(" AND "), params };
}

export const emptyCounts = (): Record<DeliveryStatus, number> => ({ queued: 0, sent: 0, failed: 0, expired: 0, folded: 0 });

/** The queued head of each (channel, event): only it may be sent, so one event's messages keep their order. */
export const DUE_CONDITION = `d.status = 'queued' AND d.next_attempt_at <= {now} AND NOT EXISTS (
  SELECT 1 FROM notify_deliveries e WHERE e.status = 'queued' AND e.channel = d.channel AND e.event_id = d.event_id AND e.id < d.id)`;

/** The finished deliveries older than a cut-off ({before}), whose rows and attempts retention deletes. */
export const PRUNABLE_CONDITION = "status <> 'queued' AND created_at < {before}";
