import { postJson, type SendOutcome } from "@/lib/server/outputs/delivery/post-json";
import type { OutputMessage } from "@/lib/server/outputs/notification-change";
import type { SendContext } from "@/lib/server/outputs/output-channel";

/** The send of a channel whose stored message is the JSON body to POST to its `url` (Slack, Teams). */
export function postChannelJson(message: OutputMessage, context: SendContext): Promise<SendOutcome> {
  return postJson({
    url: context.channel.url ?? "",
    body: JSON.stringify(message.body),
    timeoutMs: context.timeoutMs,
    maxResponseBytes: context.maxResponseBytes,
    fetchImpl: context.fetchImpl,
  });
}
