// npm run notify:test -- <channel id>: sends a clearly labelled sample through the channel's renderer and transport.
import { parseConfig } from "@/lib/server/config/load-config";
import { readSmtpSettings } from "@/lib/server/outputs/email/smtp-settings";
import { closeSmtpTransports } from "@/lib/server/outputs/email/smtp-transport";
import { sendTestMessage } from "@/lib/server/outputs/admin/send-test-message";
import { readNotifyConfig } from "@/lib/server/outputs/set-up-notifications";

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
  if (!channel) {
    console.error(`no channel "${channelId}" in ${config.HEALTHDECK_NOTIFY_CONFIG}; channels: ${notify.channels.map((candidate) => candidate.id).join(", ") || "none"}`);
    return 2;
  }
  const result = await sendTestMessage(channel, { publicUrl: config.HEALTHDECK_PUBLIC_URL ?? null, smtp: readSmtpSettings(config), now: Date.now(), requestedBy: "`npm run notify:test`" });
  closeSmtpTransports();
  console.log(`${channel.type} channel "${channel.id}": ${result.answered}${result.error ? ` (${result.error})` : ""}`);
  if (result.responseText) console.log(`answer: ${result.responseText}`);
  if (result.note) console.log(`note: ${result.note}`);
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
