import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AccountWorld, SimAccount } from "@/lib/simulator/account-world";
import { readBoundedBody } from "@/lib/simulator/handle-control-request";
import { HealthApiError, serializationError, type HealthErrorNames } from "@/lib/simulator/health-api/health-api-errors";
import type { HealthApiSwitches } from "@/lib/simulator/health-api/health-api-switches";
import { pickInjectedError } from "@/lib/simulator/health-api/health-api-switches";
import type { HealthStatsRecorder } from "@/lib/simulator/health-api/health-api-stats";
import type { OperationContext } from "@/lib/simulator/health-api/health-operation-context";
import { OPERATION_HANDLERS, ORGANIZATION_DATA_OPERATIONS, parseTarget, type HealthOperation } from "@/lib/simulator/health-api/health-operations";
import type { OrgViewControl } from "@/lib/simulator/health-api/org-view-control";
import { resolveCaller, signingRegionOf } from "@/lib/simulator/health-api/resolve-caller";

export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

export interface HealthCallInfo {
  operation: HealthOperation;
  callerId: string;
  /** 1-based count of this listener's calls since the last stats reset. */
  callNumber: number;
}

export interface HealthRequestDeps {
  world(): AccountWorld;
  contextFor(world: AccountWorld, caller: SimAccount): OperationContext;
  switches: HealthApiSwitches;
  random(): number;
  stats: HealthStatsRecorder;
  org: OrgViewControl;
  names: HealthErrorNames;
  accessKeys: Readonly<Record<string, string>>;
  /** When set, a request signed for another region gets 403 InvalidSignatureException, as AWS does. */
  requiredSigningRegion: string | null;
  maxBodyBytes: number;
  sleep(ms: number): Promise<void>;
  onCall(info: HealthCallInfo): void;
}

/** One awsJson1_1 call: `POST /`, `X-Amz-Target: AWSHealth_20160804.<Op>`; SigV4 is accepted, never verified. */
export async function handleHealthRequest(req: IncomingMessage, res: ServerResponse, deps: HealthRequestDeps): Promise<void> {
  const requestId = randomUUID();
  let operation: HealthOperation | null = null;
  try {
    const body = await readBoundedBody(req, deps.maxBodyBytes);
    if (req.method !== "POST" || (req.url ?? "/").split("?")[0] !== "/") {
      throw new HealthApiError("UnknownOperationException", `No operation at ${req.method ?? "GET"} ${req.url ?? "/"}`, 404);
    }
    if (body === null) throw new HealthApiError("RequestEntityTooLarge", `Request body exceeds ${deps.maxBodyBytes} bytes`, 413);
    operation = parseTarget(req.headers["x-amz-target"]?.toString());
    if (operation === null) throw new HealthApiError("UnknownOperationException", "The requested operation is not recognized by the service.");
    if (!(req.headers["content-type"] ?? "").toLowerCase().startsWith(JSON_CONTENT_TYPE)) {
      throw serializationError(`Content-Type must be ${JSON_CONTENT_TYPE}`);
    }
    const world = deps.world();
    const caller = resolveCaller(req.headers.authorization, world, deps.accessKeys);
    deps.stats.countCall(operation);
    deps.onCall({ operation, callerId: caller.id, callNumber: deps.stats.snapshot().total });
    if (deps.switches.slowMs > 0) await deps.sleep(deps.switches.slowMs);
    checkAccess(req, operation, caller, deps);
    const input = parseJsonBody(body);
    const result = OPERATION_HANDLERS[operation](input, deps.contextFor(world, caller));
    deps.stats.countSuccess(operation);
    send(res, 200, requestId, result === null ? Buffer.alloc(0) : Buffer.from(JSON.stringify(result), "utf8"));
  } catch (error) {
    const failure = error instanceof HealthApiError ? error : new HealthApiError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);
    deps.stats.countError(failure.type);
    if (failure.status === 413) res.setHeader("Connection", "close");
    sendError(res, requestId, failure, deps.switches.namespacedErrors);
  }
}

function checkAccess(req: IncomingMessage, operation: HealthOperation, caller: SimAccount, deps: HealthRequestDeps): void {
  const signedFor = signingRegionOf(req.headers.authorization);
  if (deps.requiredSigningRegion !== null && signedFor !== null && signedFor !== deps.requiredSigningRegion) {
    throw new HealthApiError("InvalidSignatureException", `Credential should be scoped to a valid region, not '${signedFor}'. `, 403);
  }
  const injected = pickInjectedError(deps.switches, operation, caller.id, deps.random);
  if (injected) throw injected;
  if (!caller.supportPlan) throw new HealthApiError("SubscriptionRequiredException", deps.switches.subscriptionMessage);
  if (!ORGANIZATION_DATA_OPERATIONS.has(operation)) return;
  if (!caller.management) {
    throw new HealthApiError("AccessDeniedException", `Account ${caller.id} is not the management account or a delegated administrator of its organization.`);
  }
  const status = deps.org.status();
  if (status !== "ENABLED") {
    throw new HealthApiError(deps.names.orgViewNotEnabled, `The organizational view is ${status}: call EnableHealthServiceAccessForOrganization and wait until it is ENABLED.`);
  }
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString("utf8").trim();
  if (text === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw serializationError("Request body is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw serializationError("Request body must be a JSON object");
  return Object.fromEntries(Object.entries(parsed));
}

function send(res: ServerResponse, status: number, requestId: string, body: Buffer, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "Content-Type": JSON_CONTENT_TYPE, "x-amzn-RequestId": requestId, "Content-Length": body.length, ...headers });
  res.end(body);
}

function sendError(res: ServerResponse, requestId: string, error: HealthApiError, namespaced: boolean): void {
  const type = namespaced ? `com.amazonaws.health#${error.type}` : error.type;
  const headers: Record<string, string> = namespaced ? { "X-Amzn-ErrorType": `${error.type}:http://internal.amazon.com/coral/com.amazonaws.health/` } : {};
  send(res, error.status, requestId, Buffer.from(JSON.stringify({ __type: type, message: error.message }), "utf8"), headers);
}
