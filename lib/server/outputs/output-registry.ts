import type { ChannelType } from "@/lib/server/outputs/config/notify-config-schema";
import { emailOutput } from "@/lib/server/outputs/email/email-output";
import type { ChannelOutput } from "@/lib/server/outputs/output-channel";
import { slackOutput } from "@/lib/server/outputs/slack/slack-output";
import { snsOutput } from "@/lib/server/outputs/sns/sns-output";
import { teamsOutput } from "@/lib/server/outputs/teams/teams-output";
import { webhookOutput } from "@/lib/server/outputs/webhook/webhook-output";

/** Every kind of channel this build can send to. Adding one: a folder under outputs/ and a line here. */
export const OUTPUTS: readonly ChannelOutput[] = [webhookOutput, slackOutput, teamsOutput, emailOutput, snsOutput];

export function findOutput(type: ChannelType): ChannelOutput | undefined {
  return OUTPUTS.find((output) => output.type === type);
}
