import {
  DELIVERY_ATTEMPTS_SHOWN,
  DIGEST_FOLDED_SHOWN,
  type DeliveriesQuery,
  type DeliveriesResponse,
  type DeliveryDetail,
  type DeliveryItem,
} from "@/lib/shared/notifications-contract";
import type { Delivery } from "@/lib/server/store/contract/outbox-contract";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const toItem = (row: Delivery): DeliveryItem => ({
  id: row.id,
  channel: row.channel,
  kind: row.kind,
  eventId: row.eventId,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  createdAt: iso(row.createdAt) ?? "",
  sentAt: iso(row.sentAt),
  lastStatus: row.lastStatus,
  isSecurity: row.isSecurity,
  foldedInto: row.foldedInto,
});

/** One page of the delivery log; `nextAfter` is the last id returned (or `after` when none). */
export async function listDeliveries(store: Pick<HealthdeckStore, "outbox">, query: DeliveriesQuery): Promise<DeliveriesResponse> {
  const rows = await store.outbox.list(query);
  return { deliveries: rows.map(toItem), nextAfter: rows.at(-1)?.id ?? query.after };
}

/** One delivery with its attempts and rendered payload; null when no delivery has that id. */
export async function getDeliveryDetail(store: Pick<HealthdeckStore, "outbox">, id: number): Promise<DeliveryDetail | null> {
  const row = await store.outbox.get(id);
  if (!row) return null;
  const [attempts, folded] = await Promise.all([
    store.outbox.listAttempts(id, DELIVERY_ATTEMPTS_SHOWN),
    row.kind === "digest" ? store.outbox.list({ after: 0, limit: DIGEST_FOLDED_SHOWN, channel: row.channel, status: null, foldedInto: id }) : Promise.resolve([]),
  ]);
  const message = row.message as { body?: unknown } | null;
  return {
    delivery: toItem(row),
    attempts: attempts.map((attempt) => ({
      at: iso(attempt.at) ?? "",
      outcome: attempt.outcome,
      responseStatus: attempt.responseStatus,
      error: attempt.error,
      durationMs: attempt.durationMs,
      responseText: attempt.responseText,
    })),
    payload: message?.body ?? null,
    folded: folded.map((delivery) => delivery.id),
  };
}
