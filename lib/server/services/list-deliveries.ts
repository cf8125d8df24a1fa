import type { DeliveriesQuery, DeliveriesResponse } from "@/lib/shared/notifications-contract";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** One page of the delivery log; `nextAfter` is the last id returned (or `after` when none). */
export async function listDeliveries(store: Pick<HealthdeckStore, "outbox">, query: DeliveriesQuery): Promise<DeliveriesResponse> {
  const rows = await store.outbox.list(query);
  return {
    deliveries: rows.map((row) => ({
      id: row.id,
      channel: row.channel,
      kind: row.kind,
      eventId: row.eventId,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: iso(row.createdAt) ?? "",
      sentAt: iso(row.sentAt),
    })),
    nextAfter: rows.at(-1)?.id ?? query.after,
  };
}
