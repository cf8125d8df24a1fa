import "server-only";
import { resolveStorm, type NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";
import { readChannelSwitch } from "@/lib/server/outputs/admin/channel-switch";
import { hashChannelTarget } from "@/lib/server/outputs/delivery/create-dispatcher";
import { describeChannelTarget, describeRule } from "@/lib/server/outputs/rules/describe-rule";
import { getDeliveryDetail, listDeliveries } from "@/lib/server/services/list-deliveries";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import type { DeliveriesQuery, DeliveryDetail } from "@/lib/shared/notifications-contract";

export interface ChannelView {
  id: string;
  type: string;
  /** where it sends, credentials left out (a URL's host only) */
  target: string;
  isSecurity: boolean;
  /** "one digest when more than 10 wait within 5 minutes", or "never folded" */
  storm: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  /** set when a 404/410 broke the channel: nothing is sent to it until its URL changes */
  broken: { since: string; reason: string } | null;
  /** set while an admin has turned the channel off: no new deliveries */
  disabled: { by: string; since: string } | null;
}

export interface NotificationsView {
  /** false when HEALTHDECK_NOTIFY_CONFIG is not set */
  isConfigured: boolean;
  channels: ChannelView[];
  rules: string[];
  securityChannels: string[];
  /** the page of the log, each delivery with its attempts and payload */
  deliveries: DeliveryDetail[];
  nextAfter: number | null;
}

/** Kept short: each delivery on the page brings its attempts and payload. */
export const NOTIFICATIONS_PAGE_SIZE = 25;
const PAYLOAD_SHOWN_CHARS = 20_000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Everything /notifications shows: channels and their health, the rules in words, and one page of the log. */
export async function getNotificationsView(store: Pick<HealthdeckStore, "outbox" | "meta">, config: NotifyConfig | null, query: DeliveriesQuery): Promise<NotificationsView> {
  const [activity, broken, page] = await Promise.all([store.outbox.listChannelActivity(), store.outbox.listBrokenChannels(), listDeliveries(store, query)]);
  const switches = await Promise.all((config?.channels ?? []).map((channel) => readChannelSwitch(store.meta, channel.id)));
  const channels = (config?.channels ?? []).map((channel, index): ChannelView => {
    const off = switches[index];
    const seen = activity.find((row) => row.channel === channel.id);
    const gone = broken.find((row) => row.channel === channel.id && row.targetHash === hashChannelTarget(channel));
    const storm = resolveStorm(channel);
    return {
      id: channel.id,
      type: channel.type,
      target: describeChannelTarget(channel),
      isSecurity: channel.security,
      storm: storm ? `one digest when more than ${storm.messages} wait within ${storm.minutes} min` : "never folded",
      lastSuccessAt: iso(seen?.lastSuccessAt ?? null),
      lastErrorAt: iso(seen?.lastErrorAt ?? null),
      lastError: seen?.lastError ?? null,
      broken: gone ? { since: new Date(gone.at).toISOString(), reason: gone.reason } : null,
      disabled: off?.isDisabled ? { by: off.by, since: new Date(off.at).toISOString() } : null,
    };
  });
  const details = await Promise.all(page.deliveries.map((delivery) => getDeliveryDetail(store, delivery.id)));
  return {
    isConfigured: config !== null,
    channels,
    rules: (config?.rules ?? []).map(describeRule),
    securityChannels: (config?.channels ?? []).filter((channel) => channel.security).map((channel) => channel.id),
    deliveries: details.flatMap((detail) => (detail ? [detail] : [])),
    nextAfter: page.deliveries.length === query.limit ? page.nextAfter : null,
  };
}

/** The payload as indented text, cut to a bounded size (the log shows it; it is never rendered as HTML). */
export function formatPayload(payload: unknown): string {
  const text = JSON.stringify(payload, null, 2) ?? "null";
  return text.length > PAYLOAD_SHOWN_CHARS ? `${text.slice(0, PAYLOAD_SHOWN_CHARS)}\n…and ${text.length - PAYLOAD_SHOWN_CHARS} more characters` : text;
}
