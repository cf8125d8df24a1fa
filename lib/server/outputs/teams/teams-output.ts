import { postChannelJson } from "@/lib/server/outputs/delivery/post-channel-json";
import type { ChannelOutput } from "@/lib/server/outputs/output-channel";
import { renderTeamsCard, renderTeamsDigest } from "@/lib/server/outputs/teams/render-teams-card";

/**
 * Microsoft Teams through a Workflows webhook (the `sig=` in its URL is the credential). The Workflow answers
 * 202/200 once it has the request; whether the card then rendered is decided inside the flow, out of our sight.
 */
export const teamsOutput: ChannelOutput = {
  type: "teams",
  // More than 4 requests a second are throttled.
  minIntervalMs: 250,
  render: (change) => ({ body: renderTeamsCard(change) }),
  renderDigest: (digest) => ({ body: renderTeamsDigest(digest) }),
  send: postChannelJson,
};
