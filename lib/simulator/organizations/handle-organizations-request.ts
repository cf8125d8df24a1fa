import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AccountWorld } from "@/lib/simulator/account-world";
import { readBoundedBody } from "@/lib/simulator/handle-control-request";
import { HealthApiError } from "@/lib/simulator/health-api/health-api-errors";
import type { Paginator } from "@/lib/simulator/health-api/pagination-token";
import { resolveCaller } from "@/lib/simulator/health-api/resolve-caller";
import { ORGANIZATIONS_MESSAGES as MESSAGES, OrganizationsError } from "@/lib/simulator/organizations/organizations-errors";
import { SIM_ORGANIZATION_ID, type OrganizationTree } from "@/lib/simulator/organizations/organization-tree";

const TARGET_PREFIX = "AWSOrganizationsV20161128.";
const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";
const PARENT_ID = /^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const ACCOUNT_ID = /^\d{12}$/;
/** Organizations' documented MaxResults range for these list operations. */
const MAX_RESULTS = 20;

export interface OrganizationsSwitches {
  /** every call answers AWSOrganizationsNotInUseException (the account is in no organization) */
  notInUse: boolean;
  /** every call answers AccessDeniedException (a role without organizations:List*) */
  accessDenied: boolean;
  /** every call answers TooManyRequestsException */
  throttled: boolean;
  /** the most items a page holds whatever MaxResults asks (AWS may return fewer than asked) */
  pageCap: number;
}

export const defaultOrganizationsSwitches = (): OrganizationsSwitches => ({ notInUse: false, accessDenied: false, throttled: false, pageCap: MAX_RESULTS });

export interface OrganizationsRequestDeps {
  world(): AccountWorld;
  tree: OrganizationTree;
  switches: OrganizationsSwitches;
  paginator: Paginator;
  accessKeys: Readonly<Record<string, string>>;
  maxBodyBytes: number;
  countCall(operation: string): void;
}

export function isOrganizationsRequest(req: IncomingMessage): boolean {
  return (req.headers["x-amz-target"]?.toString() ?? "").startsWith(TARGET_PREFIX);
}

type Operation = (input: Record<string, unknown>, call: { caller: string; management: string; deps: OrganizationsRequestDeps }) => Record<string, unknown>;

const stringField = (input: Record<string, unknown>, name: string, pattern: RegExp): string => {
  const value = input[name];
  if (typeof value !== "string") throw new OrganizationsError("InvalidInputException", `You provided a value that does not match the required pattern for ${name}.`, 400, "INVALID_INPUT");
  if (!pattern.test(value)) throw new OrganizationsError("InvalidInputException", `You provided a value that does not match the required pattern for ${name}.`, 400, "INVALID_PATTERN");
  return value;
};

function pageOf<T>(items: readonly T[], operation: string, input: Record<string, unknown>, call: { caller: string; deps: OrganizationsRequestDeps }) {
  const asked = input.MaxResults as unknown;
  if (asked !== undefined && (typeof asked !== "number" || !Number.isInteger(asked) || asked < 1 || asked > MAX_RESULTS)) {
    throw new OrganizationsError("InvalidInputException", `MaxResults must be from 1 to ${MAX_RESULTS}.`, 400, "INPUT_REQUIRED");
  }
  // The page's filter is the input without its paging fields, so every page of one listing hashes alike.
  const filter = Object.fromEntries(Object.entries(input).filter(([name]) => name !== "NextToken" && name !== "MaxResults"));
  const nextToken = typeof input.NextToken === "string" ? input.NextToken : undefined;
  try {
    return call.deps.paginator.page(items, { operation, caller: call.caller, input: filter, nextToken, maxResults: Math.min(asked ?? MAX_RESULTS, call.deps.switches.pageCap), defaultSize: MAX_RESULTS });
  } catch (error) {
    if (error instanceof HealthApiError) throw new OrganizationsError("InvalidInputException", "The specified pagination token (NextToken) is not valid.", 400, "INVALID_NEXT_TOKEN");
    throw error;
  }
}

const arnOf = (management: string, kind: "account" | "ou", id: string, parentPath = "") => `arn:aws:organizations::${management}:${kind}/${SIM_ORGANIZATION_ID}/${parentPath}${id}`;

const OPERATIONS: Record<string, Operation> = {
  ListAccountsForParent(input, call) {
    const parentId = stringField(input, "ParentId", PARENT_ID);
    if (!call.deps.tree.hasParent(parentId)) throw new OrganizationsError("ParentNotFoundException", MESSAGES.parentNotFound);
    const page = pageOf(call.deps.tree.accountsIn(parentId), "ListAccountsForParent", input, call);
    return {
      Accounts: page.items.map((account) => ({
        Id: account.id,
        Arn: arnOf(call.management, "account", account.id),
        Email: `aws+${account.id}@example.com`,
        Name: account.name,
        Status: "ACTIVE",
        State: "ACTIVE",
        JoinedMethod: account.id === call.management ? "CREATED" : "INVITED",
        JoinedTimestamp: 1_700_000_000,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  },
  ListOrganizationalUnitsForParent(input, call) {
    const parentId = stringField(input, "ParentId", PARENT_ID);
    if (!call.deps.tree.hasParent(parentId)) throw new OrganizationsError("ParentNotFoundException", MESSAGES.parentNotFound);
    const page = pageOf(call.deps.tree.childUnits(parentId), "ListOrganizationalUnitsForParent", input, call);
    return {
      OrganizationalUnits: page.items.map((unit) => ({ Id: unit.id, Arn: arnOf(call.management, "ou", unit.id), Name: unit.name })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  },
  ListRoots(input, call) {
    const page = pageOf([call.deps.tree.rootId], "ListRoots", input, call);
    return { Roots: page.items.map((id) => ({ Id: id, Arn: `arn:aws:organizations::${call.management}:root/${SIM_ORGANIZATION_ID}/${id}`, Name: "Root", PolicyTypes: [] })) };
  },
  MoveAccount(input, call) {
    const accountId = stringField(input, "AccountId", ACCOUNT_ID);
    const source = stringField(input, "SourceParentId", PARENT_ID);
    const destination = stringField(input, "DestinationParentId", PARENT_ID);
    const { tree } = call.deps;
    if (!call.deps.world().accounts.some((account) => account.id === accountId)) throw new OrganizationsError("AccountNotFoundException", MESSAGES.accountNotFound);
    if (!tree.hasParent(source) || tree.parentOf(accountId) !== source) throw new OrganizationsError("SourceParentNotFoundException", MESSAGES.sourceParentNotFound);
    if (!tree.hasParent(destination)) throw new OrganizationsError("DestinationParentNotFoundException", MESSAGES.destinationParentNotFound);
    if (source === destination) throw new OrganizationsError("DuplicateAccountException", MESSAGES.duplicateAccount);
    tree.move(accountId, destination);
    return {};
  },
};

/** Organizations over awsJson1_1 (`X-Amz-Target: AWSOrganizationsV20161128.<Op>`): the list calls the account scopes use, and MoveAccount. */
export async function handleOrganizationsRequest(req: IncomingMessage, res: ServerResponse, deps: OrganizationsRequestDeps): Promise<void> {
  const requestId = randomUUID();
  try {
    const body = await readBoundedBody(req, deps.maxBodyBytes);
    if (body === null) throw new OrganizationsError("InvalidInputException", `Request body exceeds ${deps.maxBodyBytes} bytes`, 413);
    const name = (req.headers["x-amz-target"]?.toString() ?? "").slice(TARGET_PREFIX.length);
    const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
    if (req.method !== "POST" || operation === undefined) throw new OrganizationsError("UnknownOperationException", "The requested operation is not recognized by the service.");
    deps.countCall(name);
    const world = deps.world();
    const caller = resolveCaller(req.headers.authorization, world, deps.accessKeys);
    if (deps.switches.throttled) throw new OrganizationsError("TooManyRequestsException", MESSAGES.tooManyRequests, 400, "TooManyRequests");
    if (deps.switches.notInUse) throw new OrganizationsError("AWSOrganizationsNotInUseException", MESSAGES.notInUse);
    if (deps.switches.accessDenied || !caller.management) throw new OrganizationsError("AccessDeniedException", MESSAGES.accessDenied);
    const result = operation(parseBody(body), { caller: caller.id, management: caller.id, deps });
    send(res, 200, requestId, result);
  } catch (error) {
    const failure = error instanceof OrganizationsError ? error : new OrganizationsError("ServiceException", "AWS Organizations can't complete your request because of an internal service error. Try again later.", 500);
    send(res, failure.status, requestId, { __type: failure.type, Message: failure.message, ...(failure.reason ? { Reason: failure.reason } : {}) });
  }
}

function parseBody(body: Buffer): Record<string, unknown> {
  const text = body.toString("utf8").trim();
  if (text === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) return Object.fromEntries(Object.entries(parsed));
  } catch {
    // answered below, as AWS does for a body that is not a JSON object
  }
  throw new OrganizationsError("SerializationException", "Request body must be a JSON object");
}

function send(res: ServerResponse, status: number, requestId: string, value: Record<string, unknown>): void {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(JSON.stringify(value), "utf8");
  res.writeHead(status, { "Content-Type": JSON_CONTENT_TYPE, "x-amzn-RequestId": requestId, "Content-Length": body.length });
  res.end(body);
}
