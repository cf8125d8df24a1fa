import type { BrokenChannel, Delivery, DeliveryQuery, DeliveryStatus } from "@/lib/server/store/contract/outbox-contract";

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
  };
}

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
  return { where: where.join(" AND "), params };
}

export const emptyCounts = (): Record<DeliveryStatus, number> => ({ queued: 0, sent: 0, failed: 0, expired: 0 });

/** The queued head of each (channel, event): only it may be sent, so one event's messages keep their order. */
export const DUE_CONDITION = `d.status = 'queued' AND d.next_attempt_at <= {now} AND NOT EXISTS (
  SELECT 1 FROM notify_deliveries e WHERE e.status = 'queued' AND e.channel = d.channel AND e.event_id = d.event_id AND e.id < d.id)`;
