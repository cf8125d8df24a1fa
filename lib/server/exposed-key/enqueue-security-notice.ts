import type { NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";
import type { NotificationChange } from "@/lib/server/outputs/notification-change";
import { findOutput } from "@/lib/server/outputs/output-registry";
import type { NewDelivery } from "@/lib/server/store/contract/outbox-contract";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { maskKeyId } from "@/lib/server/exposed-key/read-exposed-key-facts";

const KEY_ID = /^(AKIA|ASIA)\w{12,124}$/;
const maskKeyIds = (metadata: Record<string, string>) => Object.fromEntries(Object.entries(metadata).map(([name, value]) => [name, KEY_ID.test(value) ? maskKeyId(value) : value]));

export interface SecurityNoticeDeps {
  store: HealthdeckStore;
  notify: NotifyConfig | null;
  publicUrl: string | null;
  now: () => number;
  deadlineMs: number;
}

/**
 * Queues `text` to every channel marked `security: true`, rendered by the channel's own output as an update of the
 * event whose newest update is the text. One transaction; the key (`channel:event:<kind>:<id>`) makes a repeat a no-op.
 * Returns how many deliveries were new.
 */
export async function enqueueSecurityNotice(deps: SecurityNoticeDeps, input: { eventId: string; kind: "exposed-key-summary" | "exposed-key-action"; noticeId: string; text: string }): Promise<number> {
  const channels = (deps.notify?.channels ?? []).filter((channel) => channel.security);
  if (channels.length === 0) return 0;
  return deps.store.write(async (tx) => {
    const event = await tx.accountEvents.getById(input.eventId);
    if (!event) return 0;
    const journalId = await tx.journal.latestId();
    const now = deps.now();
    const change: NotificationChange = {
      kind: "updated",
      source: "account",
      journalId,
      at: new Date(now).toISOString(),
      eventId: event.id,
      isSecurity: true,
      title: event.eventTypeCode,
      service: event.service,
      region: event.region,
      status: event.status,
      eventTypeCode: event.eventTypeCode,
      accounts: event.accountId ? [event.accountId] : [],
      // The text names the key masked; the whole key id is not repeated to chat.
      resources: { sample: [], total: 0 },
      startedAt: event.startTime,
      endedAt: event.endTime,
      latestUpdate: input.text,
      link: deps.publicUrl ? `${deps.publicUrl}/events/${encodeURIComponent(event.id)}` : null,
      // Channels that send the event itself (webhooks) carry the notice as the event's latest description.
      event: { ...event, description: input.text, metadata: maskKeyIds(event.metadata) },
    };
    const deliveries: NewDelivery[] = [];
    for (const channel of channels) {
      const output = findOutput(channel.type);
      if (!output) continue;
      deliveries.push({
        key: `${channel.id}:${event.id}:${input.kind}:${input.noticeId}`,
        channel: channel.id,
        kind: "updated",
        eventId: event.id,
        journalId,
        createdAt: now,
        deadlineAt: now + deps.deadlineMs,
        message: output.render(change, { publicUrl: deps.publicUrl }),
      });
    }
    return tx.outbox.enqueue(deliveries);
  });
}
