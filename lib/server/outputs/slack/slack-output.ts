import { postChannelJson } from "@/lib/server/outputs/delivery/post-channel-json";
import type { ChannelOutput } from "@/lib/server/outputs/output-channel";
import { renderSlackDigest } from "@/lib/server/outputs/slack/render-slack-digest";
import { renderSlackMessage } from "@/lib/server/outputs/slack/render-slack-message";

/** Slack incoming webhooks: no edits or threads, so every update is a new post that says it is an update. */
export const slackOutput: ChannelOutput = {
  type: "slack",
  minIntervalMs: 1000,
  render: (change) => ({ body: renderSlackMessage(change) }),
  renderDigest: (digest) => ({ body: renderSlackDigest(digest) }),
  send: postChannelJson,
};
