import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { ExposedKeyFaults } from "@/lib/simulator/exposed-key/exposed-key-faults";
import { listUserPolicies, QUARANTINE_POLICY_ARN, type ExposedKeyWorld, type TrailEvent } from "@/lib/simulator/exposed-key/exposed-key-world";
import { SimulatedAwsError, type SimCaller } from "@/lib/simulator/exposed-key/simulated-aws-error";

const RETENTION_MS = 90 * 24 * 3_600_000;
const PAGE_SIZE = 50;
const TARGET = /^(?:com\.amazonaws\.cloudtrail\.v20131101\.)?CloudTrail_20131101\.(\w+)$/;

const lookupInputSchema = z.object({
  LookupAttributes: z.array(z.object({ AttributeKey: z.string(), AttributeValue: z.string() })).max(1).optional(),
  StartTime: z.number().optional(),
  EndTime: z.number().optional(),
  MaxResults: z.number().int().optional(),
  NextToken: z.string().max(10_000).optional(),
});
const tokenSchema = z.object({ offset: z.number().int().min(0), query: z.string(), start: z.number(), end: z.number() });

export interface CloudTrailDeps {
  world(): ExposedKeyWorld;
  faults: ExposedKeyFaults;
  /** false when the caller is over the region's rate */
  takeToken(key: string): boolean;
  count(operation: string, region: string): void;
  countThrottled(): void;
  /** resolves when the fake closes: a hanging region holds the request until then */
  closed: Promise<void>;
  now(): number;
}

export const isCloudTrailTarget = (target: string | undefined) => target !== undefined && TARGET.test(target);

/** LookupEvents over awsJson1_1, as CloudTrail answers it: newest first, pages of ≤ 50, 90 days kept, 2 calls/s per region. */
export async function handleCloudTrailRequest(req: IncomingMessage, res: ServerResponse, body: string, region: string, caller: SimCaller, deps: CloudTrailDeps): Promise<void> {
  try {
    const operation = TARGET.exec(String(req.headers["x-amz-target"] ?? ""))?.[1] ?? "";
    deps.count(operation, region);
    if (operation !== "LookupEvents") throw new SimulatedAwsError("UnknownOperationException", `Unknown operation ${operation}`, 400);
    if (deps.faults.hangRegions.includes(region)) {
      await deps.closed;
      return;
    }
    if (!deps.takeToken(`${caller.accountId}:${region}`)) {
      deps.countThrottled();
      throw new SimulatedAwsError("ThrottlingException", "Rate exceeded", 400);
    }
    checkAccess(caller, deps);
    sendJson(res, 200, lookupEvents(body, region, caller, deps));
  } catch (error) {
    const failure = error instanceof SimulatedAwsError ? error : new SimulatedAwsError("InternalFailure", "An internal error occurred.", 500);
    sendJson(res, failure.status, { __type: failure.code, message: failure.message }, failure.code);
  }
}

function checkAccess(caller: SimCaller, deps: CloudTrailDeps): void {
  const principal = caller.roleArn ?? `arn:aws:iam::${caller.accountId}:user/healthdeck`;
  const key = caller.accessKeyId ? deps.world().keys.get(caller.accessKeyId) : undefined;
  if (key && listUserPolicies(deps.world(), key.accountId, key.userName).includes(QUARANTINE_POLICY_ARN)) {
    throw new SimulatedAwsError(
      "AccessDeniedException",
      `User: arn:aws:iam::${key.accountId}:user/${key.userName} is not authorized to perform: cloudtrail:LookupEvents with an explicit deny in an identity-based policy: ${QUARANTINE_POLICY_ARN}`,
      400,
    );
  }
  if (deps.faults.denyCloudTrail) throw new SimulatedAwsError("AccessDeniedException", `User: ${principal} is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action`, 400);
}

function lookupEvents(body: string, region: string, caller: SimCaller, deps: CloudTrailDeps) {
  const parsed = lookupInputSchema.safeParse(safeJson(body));
  if (!parsed.success) throw new SimulatedAwsError("ValidationException", "1 validation error detected: the request is not a valid LookupEvents input", 400);
  const input = parsed.data;
  const pageSize = input.MaxResults ?? PAGE_SIZE;
  if (pageSize < 1 || pageSize > PAGE_SIZE) throw new SimulatedAwsError("InvalidMaxResultsException", "MaxResults must be between 1 and 50", 400);
  const attribute = input.LookupAttributes?.[0];
  if (attribute && attribute.AttributeKey !== "AccessKeyId") throw new SimulatedAwsError("InvalidLookupAttributesException", `The simulator looks up by AccessKeyId only, not ${attribute.AttributeKey}`, 400);
  const now = deps.now();
  const lookedUp = `${caller.accountId}|${attribute?.AttributeValue ?? ""}`;
  let start = Math.max(input.StartTime === undefined ? 0 : input.StartTime * 1000, now - RETENTION_MS);
  let end = input.EndTime === undefined ? now : input.EndTime * 1000;
  if (start > end) throw new SimulatedAwsError("InvalidTimeRangeException", "Start time must be before end time", 400);
  let offset = 0;
  // The token carries the window of the first page, so "until now" pages stay one consistent list.
  if (input.NextToken !== undefined) {
    const token = tokenSchema.safeParse(safeJson(Buffer.from(input.NextToken, "base64url").toString("utf8")));
    if (!token.success || token.data.query !== lookedUp) throw new SimulatedAwsError("InvalidNextTokenException", "Invalid NextToken", 400);
    ({ offset, start, end } = token.data);
  }
  const matching = (deps.world().trail.get(region) ?? []).filter(
    (event) => event.accountId === caller.accountId && event.at >= start && event.at <= end && (!attribute || event.accessKeyId === attribute.AttributeValue),
  );
  const page = matching.slice(offset, offset + pageSize);
  const next = offset + pageSize < matching.length ? Buffer.from(JSON.stringify({ offset: offset + pageSize, query: lookedUp, start, end })).toString("base64url") : undefined;
  return { Events: page.map(renderEvent), ...(next ? { NextToken: next } : {}) };
}

function renderEvent(event: TrailEvent) {
  const cloudTrailEvent = {
    eventVersion: "1.09",
    userIdentity: {
      type: "IAMUser",
      principalId: `AIDA${event.accountId}SIMUSER`,
      arn: `arn:aws:iam::${event.accountId}:user/${event.userName}`,
      accountId: event.accountId,
      accessKeyId: event.accessKeyId,
      userName: event.userName,
    },
    eventTime: new Date(event.at).toISOString().replace(/\.\d+Z$/, "Z"),
    eventSource: event.eventSource,
    eventName: event.eventName,
    awsRegion: event.region,
    sourceIPAddress: event.sourceIp,
    userAgent: event.userAgent,
    ...(event.errorCode ? { errorCode: event.errorCode, errorMessage: event.errorMessage } : {}),
    requestParameters: null,
    responseElements: null,
    requestID: randomUUID(),
    eventID: event.eventId,
    readOnly: event.readOnly,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: event.accountId,
    eventCategory: "Management",
  };
  return {
    EventId: event.eventId,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    AccessKeyId: event.accessKeyId,
    EventTime: event.at / 1000,
    EventSource: event.eventSource,
    Username: event.userName,
    Resources: [],
    CloudTrailEvent: JSON.stringify(cloudTrailEvent),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown, errorType?: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(JSON.stringify(value), "utf8");
  res.writeHead(status, {
    "Content-Type": "application/x-amz-json-1.1",
    "x-amzn-RequestId": randomUUID(),
    ...(errorType ? { "x-amzn-ErrorType": errorType } : {}),
    "Content-Length": body.length,
  });
  res.end(body);
}
