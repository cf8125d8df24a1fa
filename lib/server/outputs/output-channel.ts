import type { ChannelConfig, ChannelType } from "@/lib/server/outputs/config/notify-config-schema";
import type { SendOutcome } from "@/lib/server/outputs/delivery/post-json";
import type { SmtpSettings } from "@/lib/server/outputs/email/smtp-settings";
import type { NotificationChange, NotificationDigest, OutputMessage } from "@/lib/server/outputs/notification-change";

export interface RenderContext {
  /** HEALTHDECK_PUBLIC_URL, without a trailing slash */
  publicUrl: string | null;
}

export interface SendContext {
  channel: ChannelConfig;
  /** the delivery's idempotency key: the same on every retry (Standard Webhooks `webhook-id`) */
  deliveryKey: string;
  now: number;
  timeoutMs: number;
  maxResponseBytes: number;
  fetchImpl?: typeof fetch;
  /** HEALTHDECK_SMTP_*, for e-mail channels; null when unset */
  smtp?: SmtpSettings | null;
}

/** One kind of channel: a folder under lib/server/outputs/ and one line in the registry. */
export interface ChannelOutput {
  type: ChannelType;
  /** the least time between two messages to one channel (Slack about 1/s) */
  minIntervalMs: number;
  /** Pure: the same change always renders the same message. */
  render(change: NotificationChange, context: RenderContext): OutputMessage;
  /** Pure: one message listing a storm's changes, each with its link, within the channel's size limits. */
  renderDigest(digest: NotificationDigest, context: RenderContext): OutputMessage;
  send(message: OutputMessage, context: SendContext): Promise<SendOutcome>;
}
