import { PublishCommand, SNSClient, SNSServiceException } from "@aws-sdk/client-sns";
import type { SendOutcome } from "@/lib/server/outputs/delivery/post-json";
import type { ChannelOutput } from "@/lib/server/outputs/output-channel";
import { renderSnsDigest, renderSnsMessage, type SnsMessage } from "@/lib/server/outputs/sns/render-sns-message";

const CLIENTS = Symbol.for("healthdeck.snsClients");
type Holder = { [CLIENTS]?: Map<string, SNSClient> };
const THROTTLING = new Set(["Throttling", "ThrottlingException", "Throttled", "ThrottledException", "TooManyRequestsException"]);

/** arn:aws:sns:<region>:<account>:<name> → region. */
export const readTopicRegion = (topicArn: string) => topicArn.split(":")[3] ?? "";

/**
 * One client per region and timeout, per process. The default credential chain and AWS_ENDPOINT_URL_SNS apply as
 * for any SDK client; the SDK does not retry on its own (the dispatcher does, with its backoff and deadline).
 */
function getSnsClient(region: string, timeoutMs: number): SNSClient {
  const clients = ((globalThis as Holder)[CLIENTS] ??= new Map());
  const key = `${region}:${timeoutMs}`;
  let client = clients.get(key);
  if (!client) {
    client = new SNSClient({ region, maxAttempts: 1, requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs } });
    clients.set(key, client);
  }
  return client;
}

/**
 * An SNS answer in the dispatcher's terms: NotFound (404, the topic is gone) breaks the channel; throttling retries
 * after a pause (as a 429); AuthorizationError (403) and invalid parameters fail for good; 5xx and no answer retry.
 */
export function mapSnsError(error: unknown, timedOut: boolean, timeoutMs: number): SendOutcome {
  const base = { ok: false, retryAfterMs: null, responseText: "" };
  if (error instanceof SNSServiceException || (error instanceof Error && "$metadata" in error)) {
    const named = error as Error & { $metadata?: { httpStatusCode?: number } };
    const answered = named.$metadata?.httpStatusCode ?? null;
    const message = `SNS ${named.name}: ${named.message}`.slice(0, 300);
    if (answered === null) return { ...base, status: null, error: timedOut ? `timed out after ${timeoutMs} ms` : `network error: ${message}` };
    const status = THROTTLING.has(named.name) ? 429 : named.name === "NotFound" || named.name === "NotFoundException" ? 404 : answered;
    return { ...base, status, error: message, responseText: message };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ...base, status: null, error: timedOut ? `timed out after ${timeoutMs} ms` : `network error: ${text}`.slice(0, 300) };
}

export async function publishToSns(message: SnsMessage, topicArn: string, timeoutMs: number): Promise<SendOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const answer = await getSnsClient(readTopicRegion(topicArn), timeoutMs).send(
      new PublishCommand({ TopicArn: topicArn, Subject: message.subject, Message: message.message, MessageAttributes: message.attributes }),
      { abortSignal: signal },
    );
    return { ok: true, status: answer.$metadata.httpStatusCode ?? 200, retryAfterMs: null, error: null, responseText: `MessageId ${answer.MessageId ?? "?"}` };
  } catch (error) {
    return mapSnsError(error, signal.aborted, timeoutMs);
  }
}

/** An Amazon SNS topic (`sns:Publish`): e-mail, SMS, SQS or Lambda subscribers, filtered by message attributes. */
export const snsOutput: ChannelOutput = {
  type: "sns",
  minIntervalMs: 0,
  render: (change) => ({ body: renderSnsMessage(change) }),
  renderDigest: (digest) => ({ body: renderSnsDigest(digest) }),
  // Stored by render above: the cast only restores the type the outbox's JSON column forgot.
  send: (message, context) => publishToSns(message.body as SnsMessage, context.channel.topicArn ?? "", context.timeoutMs),
};
