import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBoundedBody } from "@/lib/simulator/handle-control-request";
import { escapeXml, sendQueryXml } from "@/lib/simulator/send-query-xml";
import type { PublishedSnsMessage, SnsSimulation } from "@/lib/simulator/sns/create-sns-simulation";

const SNS_NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
const SNS_VERSION = "2010-03-31";
const MAX_MESSAGE_BYTES = 256 * 1024;
const DATA_TYPE = /^(String|Number|Binary)(\.[\w.-]+)?$|^String\.Array$/;

class SnsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly type: "Sender" | "Receiver" = "Sender",
  ) {
    super(message);
  }
}

/** A request signed for SNS (the SigV4 credential scope names the service): the query protocol, as STS, but for SNS. */
export function isSnsRequest(req: IncomingMessage): boolean {
  const isForm = (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
  return isForm && /Credential=[^/,]+\/\d{8}\/[\w-]+\/sns\/aws4_request/.test(String(req.headers.authorization ?? ""));
}

/** MessageAttributes.entry.N.{Name,Value.DataType,Value.StringValue,Value.BinaryValue} → by name. */
function readAttributes(params: URLSearchParams): PublishedSnsMessage["attributes"] {
  const attributes: PublishedSnsMessage["attributes"] = {};
  for (let index = 1; params.has(`MessageAttributes.entry.${index}.Name`); index += 1) {
    const prefix = `MessageAttributes.entry.${index}`;
    const name = params.get(`${prefix}.Name`) ?? "";
    const dataType = params.get(`${prefix}.Value.DataType`) ?? "";
    const value = params.get(`${prefix}.Value.StringValue`) ?? params.get(`${prefix}.Value.BinaryValue`) ?? "";
    if (!DATA_TYPE.test(dataType)) throw new SnsError("ParameterValueInvalid", `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`, 400);
    if (value === "") throw new SnsError("ParameterValueInvalid", `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${dataType}'.`, 400);
    if (dataType === "String.Array" && !isJsonArray(value)) throw new SnsError("ParameterValueInvalid", `The message attribute '${name}' with type 'String.Array' has an invalid value.`, 400);
    attributes[name] = { dataType, value };
  }
  return attributes;
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

function publish(params: URLSearchParams, sns: SnsSimulation, now: number): PublishedSnsMessage {
  const topicArn = params.get("TopicArn");
  if (!topicArn) throw new SnsError("InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter", 400);
  const message = params.get("Message");
  if (message === null || message === "") throw new SnsError("InvalidParameter", "Invalid parameter: Empty message", 400);
  const subject = params.get("Subject");
  if (subject !== null && (subject.length === 0 || subject.length >= 100 || !/^[\x20-\x7e]+$/.test(subject) || !/^[\w\p{P}]/u.test(subject))) {
    throw new SnsError("InvalidParameter", "Invalid parameter: Subject", 400);
  }
  const attributes = readAttributes(params);
  const attributeBytes = Object.entries(attributes).reduce((sum, [name, value]) => sum + Buffer.byteLength(name + value.dataType + value.value, "utf8"), 0);
  if (Buffer.byteLength(message, "utf8") + attributeBytes > MAX_MESSAGE_BYTES) throw new SnsError("InvalidParameter", "Invalid parameter: Message too long", 400);
  if (!sns.isKnownTopic(topicArn)) throw new SnsError("NotFound", "Topic does not exist", 404);
  const fault = sns.takeFault();
  if (fault === "throttle") throw new SnsError("Throttling", "Rate exceeded", 400);
  if (fault === "deny") {
    const account = topicArn.split(":")[4] ?? "123456789012";
    throw new SnsError("AuthorizationError", `User: arn:aws:iam::${account}:user/healthdeck is not authorized to perform: SNS:Publish on resource: ${topicArn} because no identity-based policy allows the SNS:Publish action`, 403);
  }
  const published = { messageId: randomUUID(), topicArn, subject, message, attributes, at: now };
  sns.record(published);
  return published;
}

/** SNS Publish over the AWS query protocol (form body, XML answers as SNS writes them). Signatures are accepted, never verified. */
export async function handleSnsRequest(req: IncomingMessage, res: ServerResponse, deps: { sns: SnsSimulation; maxBodyBytes: number; now: () => number }): Promise<void> {
  const requestId = randomUUID();
  try {
    const body = await readBoundedBody(req, deps.maxBodyBytes);
    if (body === null) throw new SnsError("RequestEntityTooLarge", `Request body exceeds ${deps.maxBodyBytes} bytes`, 413);
    const params = new URLSearchParams(body.toString("utf8"));
    const action = params.get("Action") ?? "";
    if (params.get("Version") !== SNS_VERSION || action !== "Publish") throw new SnsError("InvalidAction", `The action ${action} is not valid for this web service.`, 400);
    const published = publish(params, deps.sns, deps.now());
    sendQueryXml(
      res,
      200,
      requestId,
      `<PublishResponse xmlns="${SNS_NAMESPACE}">\n  <PublishResult>\n    <MessageId>${published.messageId}</MessageId>\n  </PublishResult>\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</PublishResponse>\n`,
    );
  } catch (error) {
    const failure = error instanceof SnsError ? error : new SnsError("InternalError", "Internal Error", 500, "Receiver");
    sendQueryXml(
      res,
      failure.status,
      requestId,
      `<ErrorResponse xmlns="${SNS_NAMESPACE}">\n  <Error>\n    <Type>${failure.type}</Type>\n    <Code>${failure.code}</Code>\n    <Message>${escapeXml(failure.message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
    );
  }
}
