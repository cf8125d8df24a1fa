// npm run notify:test -- <channel id>: sends a clearly labelled sample through the channel's renderer and transport.
import { parseConfig } from "@/lib/server/config/load-config";
import { readSmtpSettings } from "@/lib/server/outputs/email/smtp-settings";
import { closeSmtpTransports } from "@/lib/server/outputs/email/smtp-transport";
import type { ChannelType } from "@/lib/server/outputs/config/notify-config-schema";
import { findOutput } from "@/lib/server/outputs/output-registry";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { readNotifyConfig } from "@/lib/server/outputs/set-up-notifications";

/** What a success does not prove, said plainly per kind of channel. */
const SUCCESS_NOTE: Record<ChannelType, string | null> = {
  webhook: null,
  slack: "note: a 2xx means Slack accepted the request, not that the message rendered or was seen",
  teams:
    "note: a Teams Workflow answers 200/202 as soon as the flow has the request; that does NOT prove the card rendered. Look in the channel, and in the flow's run history if nothing came",
  email: "note: the SMTP server accepted the message for delivery; that does not prove it reached an inbox (spam filters, bounces)",
  sns: "note: SNS accepted the message; only confirmed subscriptions whose filter policy matches receive it",
};

const USAGE = "usage: npm run notify:test -- <channel id>   (with HEALTHDECK_NOTIFY_CONFIG set)";

async function main(): Promise<number> {
  const channelId = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
  if (!channelId) {
    console.error(USAGE);
    return 2;
  }
  const config = parseConfig(process.env);
  const notify = readNotifyConfig(config, process.env);
  if (!notify) {
    console.error(`HEALTHDECK_NOTIFY_CONFIG is not set\n${USAGE}`);
    return 2;
  }
  const channel = notify.channels.find((candidate) => candidate.id === channelId);
  const output = channel ? findOutput(channel.type) : undefined;
  if (!channel || !output) {
    console.error(`no channel "${channelId}" in ${config.HEALTHDECK_NOTIFY_CONFIG}; channels: ${notify.channels.map((candidate) => candidate.id).join(", ") || "none"}`);
    return 2;
  }
  const now = Date.now();
  const message = output.render(buildSampleChange({ link: config.HEALTHDECK_PUBLIC_URL ?? null }, now), { publicUrl: config.HEALTHDECK_PUBLIC_URL ?? null });
  const outcome = await output.send(message, { channel, deliveryKey: `test:${channel.id}:${now}`, now, timeoutMs: 15_000, maxResponseBytes: 64 * 1024, smtp: readSmtpSettings(config) });
  closeSmtpTransports();
  const answered = outcome.status === null ? "no answer" : channel.type === "slack" || channel.type === "teams" || channel.type === "webhook" ? `HTTP ${outcome.status}` : outcome.ok ? "accepted" : "refused";
  console.log(`${channel.type} channel "${channel.id}": ${answered}${outcome.error ? ` (${outcome.error})` : ""}`);
  if (outcome.responseText) console.log(`answer: ${outcome.responseText}`);
  const note = SUCCESS_NOTE[channel.type];
  if (outcome.ok && note) console.log(note);
  return outcome.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
