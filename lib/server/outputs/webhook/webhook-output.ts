import { postJson } from "@/lib/server/outputs/delivery/post-json";
import { describeAccountImpact } from "@/lib/server/outputs/describe-account-impact";
import type { ChannelOutput } from "@/lib/server/outputs/output-channel";
import { describeReminder } from "@/lib/server/outputs/reminders/plan-reminders";
import { signStandardWebhook } from "@/lib/server/outputs/webhook/sign-standard-webhook";

/** A generic webhook signed per Standard Webhooks: body `{type, timestamp, data}`, data holding the event as the API returns it. */
export const webhookOutput: ChannelOutput = {
  type: "webhook",
  minIntervalMs: 0,
  render(change) {
    return {
      body: {
        type: `event.${change.kind}`,
        timestamp: change.at,
        data: {
          source: change.source,
          kind: change.kind,
          isSecurity: change.isSecurity,
          journalId: change.journalId,
          link: change.link,
          /** the accounts concerned, "Prod (123456789012)" when HEALTHDECK_ACCOUNT_NAMES names them */
          accounts: change.accounts,
          /** "Touches your accounts: 2 events, 14 resources" (public events), else null */
          accountImpactText: describeAccountImpact(change),
          ...(change.kind === "reminder" && change.reminder ? { reminder: { ...change.reminder, text: describeReminder(change.reminder) } } : {}),
          event: change.event,
        },
      },
    };
  },
  /** `type: "digest"`: the storm's changes without their full events (fetch one from the API by its eventId). */
  renderDigest(digest) {
    return {
      body: {
        type: "digest",
        timestamp: digest.at,
        data: {
          total: digest.total,
          windowMinutes: digest.windowMinutes,
          link: digest.link,
          items: digest.items.map((item) => ({
            kind: item.kind,
            source: item.source,
            eventId: item.eventId,
            journalId: item.journalId,
            title: item.title,
            service: item.service,
            region: item.region,
            status: item.status,
            at: item.at,
            link: item.link,
          })),
        },
      },
    };
  },
  send(message, context) {
    const body = JSON.stringify(message.body);
    const timestamp = Math.floor(context.now / 1000);
    return postJson({
      url: context.channel.url ?? "",
      body,
      headers: {
        "webhook-id": context.deliveryKey,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signStandardWebhook(context.channel.secret ?? [], context.deliveryKey, timestamp, body),
      },
      timeoutMs: context.timeoutMs,
      maxResponseBytes: context.maxResponseBytes,
      fetchImpl: context.fetchImpl,
    });
  },
};
