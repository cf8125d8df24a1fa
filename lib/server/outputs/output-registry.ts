import type { ChannelType } from "@/lib/server/outputs/config/notify-config-schema";
import type { ChannelOutput } from "@/lib/server/outputs/output-channel";
import { slackOutput } from "@/lib/server/outputs/slack/slack-output";
import { webhookOutput } from "@/lib/server/outputs/webhook/webhook-output";

/** Every kind of channel this build can send to. Adding one: a folder under outputs/ and a line here. */
export const OUTPUTS: readonly ChannelOutput[] = [webhookOutput, slackOutput];

export function findOutput(type: ChannelType): ChannelOutput | undefined {
  return OUTPUTS.find((output) => output.type === type);
}
