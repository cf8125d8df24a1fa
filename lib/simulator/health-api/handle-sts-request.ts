import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AccountWorld } from "@/lib/simulator/account-world";
import { readBoundedBody } from "@/lib/simulator/handle-control-request";
import { escapeXml, sendQueryXml } from "@/lib/simulator/send-query-xml";
import { resolveCaller } from "@/lib/simulator/health-api/resolve-caller";
import { readSessionRole, sessionAccessKeyId, writeSessionToken } from "@/lib/simulator/health-api/sts-session-keys";

const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
const STS_VERSION = "2011-06-15";
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const SESSION_SECONDS = 3600;

export interface StsRequestDeps {
  world(): AccountWorld;
  accessKeys: Readonly<Record<string, string>>;
  maxBodyBytes: number;
  countCall(action: string): void;
}

class StsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly type: "Sender" | "Receiver" = "Sender",
  ) {
    super(message);
  }
}

/** A request for STS rather than Health: the AWS query protocol (form-encoded POST) instead of awsJson1_1. */
export function isStsRequest(req: IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded") && req.headers["x-amz-target"] === undefined;
}

/**
 * STS GetCallerIdentity and AssumeRole over the query protocol, answered in AWS's XML. A role can be assumed
 * when its account is one of the world's accounts; any other role is AccessDenied, as for a role that does not
 * exist or does not trust the caller. Signatures are accepted, never verified.
 */
export async function handleStsRequest(req: IncomingMessage, res: ServerResponse, deps: StsRequestDeps): Promise<void> {
  const requestId = randomUUID();
  try {
    const body = await readBoundedBody(req, deps.maxBodyBytes);
    if (body === null) throw new StsError("RequestEntityTooLarge", `Request body exceeds ${deps.maxBodyBytes} bytes`, 413);
    const params = new URLSearchParams(body.toString("utf8"));
    const action = params.get("Action") ?? "";
    if (params.get("Version") !== STS_VERSION) throw new StsError("InvalidAction", `Could not find operation ${action} for version ${params.get("Version") ?? "NO_VERSION_SPECIFIED"}`, 400);
    deps.countCall(action);
    if (action === "GetCallerIdentity") sendQueryXml(res, 200, requestId, renderCallerIdentity(req, deps, requestId));
    else if (action === "AssumeRole") sendQueryXml(res, 200, requestId, renderAssumeRole(req, params, deps, requestId));
    else throw new StsError("InvalidAction", `Could not find operation ${action} for version ${STS_VERSION}`, 400);
  } catch (error) {
    const failure = error instanceof StsError ? error : new StsError("InternalFailure", "An internal error occurred.", 500, "Receiver");
    sendQueryXml(res, failure.status, requestId, renderError(failure, requestId));
  }
}

function callerArn(req: IncomingMessage, deps: StsRequestDeps): { arn: string; userId: string; account: string } {
  const session = readSessionRole(req.headers["x-amz-security-token"]?.toString());
  if (session) {
    const roleName = ROLE_ARN.exec(session.roleArn)?.[2] ?? "role";
    return { arn: `arn:aws:sts::${session.accountId}:assumed-role/${roleName}/${session.sessionName}`, userId: `AROA${session.accountId}SIM:${session.sessionName}`, account: session.accountId };
  }
  const caller = resolveCaller(req.headers.authorization, deps.world(), deps.accessKeys);
  return { arn: `arn:aws:iam::${caller.id}:user/healthdeck`, userId: `AIDA${caller.id}SIMUSER`, account: caller.id };
}

function renderCallerIdentity(req: IncomingMessage, deps: StsRequestDeps, requestId: string): string {
  const caller = callerArn(req, deps);
  return (
    `<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}"><GetCallerIdentityResult>` +
    `<Arn>${escapeXml(caller.arn)}</Arn><UserId>${escapeXml(caller.userId)}</UserId><Account>${caller.account}</Account>` +
    `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`
  );
}

function renderAssumeRole(req: IncomingMessage, params: URLSearchParams, deps: StsRequestDeps, requestId: string): string {
  const roleArn = params.get("RoleArn") ?? "";
  const sessionName = params.get("RoleSessionName") ?? "";
  const role = ROLE_ARN.exec(roleArn);
  if (!role?.[1] || !role[2]) throw new StsError("ValidationError", `${roleArn} is invalid`, 400);
  if (!SESSION_NAME.test(sessionName)) throw new StsError("ValidationError", "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint", 400);
  const accountId = role[1];
  if (!deps.world().accounts.some((account) => account.id === accountId)) {
    const caller = callerArn(req, deps);
    throw new StsError("AccessDenied", `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
  }
  // The SDK compares Expiration with the machine's clock, not the scenario's, so it is stamped from the real one.
  const expiration = new Date(Date.now() + SESSION_SECONDS * 1000).toISOString().replace(/\.\d+Z$/, "Z");
  const token = writeSessionToken({ accountId, roleArn, sessionName });
  return (
    `<AssumeRoleResponse xmlns="${STS_NAMESPACE}"><AssumeRoleResult>` +
    `<AssumedRoleUser><Arn>arn:aws:sts::${accountId}:assumed-role/${escapeXml(role[2])}/${escapeXml(sessionName)}</Arn>` +
    `<AssumedRoleId>AROA${accountId}SIM:${escapeXml(sessionName)}</AssumedRoleId></AssumedRoleUser>` +
    `<Credentials><AccessKeyId>${sessionAccessKeyId(accountId)}</AccessKeyId><SecretAccessKey>simulator-session-secret</SecretAccessKey>` +
    `<SessionToken>${token}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
    `</AssumeRoleResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></AssumeRoleResponse>`
  );
}

function renderError(error: StsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_NAMESPACE}"><Error><Type>${error.type}</Type><Code>${error.code}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
