import type { ChannelConfig, ChannelType } from "@/lib/server/outputs/config/notify-config-schema";
import type { SmtpSettings } from "@/lib/server/outputs/email/smtp-settings";
import { findOutput } from "@/lib/server/outputs/output-registry";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";

/** What a success does not prove, said plainly per kind of channel. */
export const TEST_SUCCESS_NOTE: Record<ChannelType, string | null> = {
  webhook: null,
  slack: "A 2xx means Slack accepted the request, not that the message rendered or was seen.",
  teams:
    "A Teams Workflow answers 200/202 as soon as the flow has the request; that does NOT prove the card rendered. Look in the channel, and in the flow's run history if nothing came.",
  email: "The SMTP server accepted the message for delivery; that does not prove it reached an inbox (spam filters, bounces).",
  sns: "SNS accepted the message; only confirmed subscriptions whose filter policy matches receive it.",
};

export interface TestMessageResult {
  channelId: string;
  channelType: ChannelType;
  at: number;
  ok: boolean;
  /** "HTTP 200", "accepted", "refused" or "no answer" */
  answered: string;
  status: number | null;
  error: string | null;
  /** the start of the remote answer: the body, the SMTP reply, SNS's MessageId */
  responseText: string;
  /** what a success does not prove; null on failure or for webhooks */
  note: string | null;
}

export interface TestMessageDeps {
  publicUrl: string | null;
  smtp: SmtpSettings | null;
  now: number;
  /** who asked, written into the sample ("npm run notify:test", "admin alice on /notifications") */
  requestedBy: string;
}

/** Sends a clearly labelled sample through the channel's own renderer and transport, and reports the remote answer. */
export async function sendTestMessage(channel: ChannelConfig, deps: TestMessageDeps): Promise<TestMessageResult> {
  const output = findOutput(channel.type);
  if (!output) throw new Error(`${channel.type} channels are not supported by this build`);
  const sample = buildSampleChange(
    { link: deps.publicUrl, latestUpdate: `This is a test of the notification channel, sent by ${deps.requestedBy}. Nothing is wrong with AWS.` },
    deps.now,
  );
  const message = output.render(sample, { publicUrl: deps.publicUrl });
  const outcome = await output.send(message, {
    channel,
    deliveryKey: `test:${channel.id}:${deps.now}`,
    now: deps.now,
    timeoutMs: 15_000,
    maxResponseBytes: 64 * 1024,
    smtp: deps.smtp,
  });
  const isHttp = channel.type === "slack" || channel.type === "teams" || channel.type === "webhook";
  const answered = outcome.status === null ? "no answer" : isHttp ? `HTTP ${outcome.status}` : outcome.ok ? "accepted" : "refused";
  return {
    channelId: channel.id,
    channelType: channel.type,
    at: deps.now,
    ok: outcome.ok,
    answered,
    status: outcome.status,
    error: outcome.error,
    responseText: outcome.responseText,
    note: outcome.ok ? TEST_SUCCESS_NOTE[channel.type] : null,
  };
}
