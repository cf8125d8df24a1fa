import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { ExposedKeyFaults } from "@/lib/simulator/exposed-key/exposed-key-faults";
import { listUserPolicies, type ExposedKeyWorld, type SimAccessKey } from "@/lib/simulator/exposed-key/exposed-key-world";
import { escapeXml, SimulatedAwsError, type SimCaller } from "@/lib/simulator/exposed-key/simulated-aws-error";

const IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
const EC2_NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

export interface IamDeps {
  world(): ExposedKeyWorld;
  faults: ExposedKeyFaults;
  count(service: string, operation: string): void;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
const member = (inner: string) => `<member>${inner}</member>`;

/** IAM over the query protocol, answered in IAM's XML: the four calls the exposed-key response makes. */
export function handleIamRequest(res: ServerResponse, params: URLSearchParams, caller: SimCaller, deps: IamDeps): void {
  const requestId = randomUUID();
  const action = params.get("Action") ?? "";
  deps.count("iam", action);
  try {
    if (params.get("Version") !== "2010-05-08") throw new SimulatedAwsError("InvalidAction", `Could not find operation ${action} for version ${params.get("Version") ?? "NO_VERSION_SPECIFIED"}`, 400);
    const principal = caller.roleArn ?? `arn:aws:iam::${caller.accountId}:user/healthdeck`;
    const deny = (permission: string) => {
      throw new SimulatedAwsError("AccessDenied", `User: ${principal} is not authorized to perform: iam:${permission} on resource: user ${params.get("UserName") ?? ""} because no identity-based policy allows the iam:${permission} action`, 403);
    };
    const result = (() => {
      switch (action) {
        case "ListAccessKeys": {
          if (deps.faults.denyIam) deny(action);
          const userName = requireParam(params, "UserName");
          const keys = [...deps.world().keys.values()].filter((key) => key.accountId === caller.accountId && key.userName === userName);
          if (keys.length === 0 && !hasUser(deps.world(), caller.accountId, userName)) throw noSuchUser(userName);
          const items = keys.map((key) => member(`<UserName>${escapeXml(key.userName)}</UserName><AccessKeyId>${key.accessKeyId}</AccessKeyId><Status>${key.status}</Status><CreateDate>${iso(key.createdAt)}</CreateDate>`));
          return `<AccessKeyMetadata>${items.join("")}</AccessKeyMetadata><IsTruncated>false</IsTruncated>`;
        }
        case "GetAccessKeyLastUsed": {
          if (deps.faults.denyIam) deny(action);
          const key = findKey(deps.world(), caller, requireParam(params, "AccessKeyId"));
          const used = key.lastUsed;
          const last = used
            ? `<LastUsedDate>${iso(used.at)}</LastUsedDate><ServiceName>${escapeXml(used.service)}</ServiceName><Region>${escapeXml(used.region)}</Region>`
            : "<ServiceName>N/A</ServiceName><Region>N/A</Region>";
          return `<UserName>${escapeXml(key.userName)}</UserName><AccessKeyLastUsed>${last}</AccessKeyLastUsed>`;
        }
        case "ListAttachedUserPolicies": {
          if (deps.faults.denyIam) deny(action);
          const userName = requireParam(params, "UserName");
          if (!hasUser(deps.world(), caller.accountId, userName)) throw noSuchUser(userName);
          const items = listUserPolicies(deps.world(), caller.accountId, userName).map((arn) => member(`<PolicyName>${escapeXml(arn.split("/").at(-1) ?? arn)}</PolicyName><PolicyArn>${escapeXml(arn)}</PolicyArn>`));
          return `<AttachedPolicies>${items.join("")}</AttachedPolicies><IsTruncated>false</IsTruncated>`;
        }
        case "UpdateAccessKey": {
          const key = findKey(deps.world(), caller, requireParam(params, "AccessKeyId"));
          const status = requireParam(params, "Status");
          if (status !== "Active" && status !== "Inactive") throw new SimulatedAwsError("ValidationError", "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]", 400);
          if (deps.faults.denyUpdateAccessKey) deny(action);
          key.status = status;
          return "";
        }
        default:
          throw new SimulatedAwsError("InvalidAction", `Could not find operation ${action} for version 2010-05-08`, 400);
      }
    })();
    const resultTag = action === "UpdateAccessKey" ? "" : `<${action}Result>${result}</${action}Result>`;
    sendXml(res, 200, `<${action}Response xmlns="${IAM_NAMESPACE}">${resultTag}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`, requestId);
  } catch (error) {
    const failure = error instanceof SimulatedAwsError ? error : new SimulatedAwsError("ServiceFailure", "An internal error occurred.", 500);
    const type = failure.status >= 500 ? "Receiver" : "Sender";
    sendXml(res, failure.status, `<ErrorResponse xmlns="${IAM_NAMESPACE}"><Error><Type>${type}</Type><Code>${failure.code}</Code><Message>${escapeXml(failure.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`, requestId);
  }
}

/** EC2 DescribeRegions (query protocol, EC2's XML): the enabled regions, for "all enabled regions". */
export function handleEc2Request(res: ServerResponse, params: URLSearchParams, deps: IamDeps): void {
  const requestId = randomUUID();
  const action = params.get("Action") ?? "";
  deps.count("ec2", action);
  if (action !== "DescribeRegions") {
    sendXml(res, 400, `<Response><Errors><Error><Code>InvalidAction</Code><Message>The action ${escapeXml(action)} is not valid for this web service.</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`, requestId);
    return;
  }
  const items = deps.world().enabledRegions.map((name) => `<item><regionName>${escapeXml(name)}</regionName><regionEndpoint>ec2.${escapeXml(name)}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`);
  sendXml(res, 200, `<DescribeRegionsResponse xmlns="${EC2_NAMESPACE}"><requestId>${requestId}</requestId><regionInfo>${items.join("")}</regionInfo></DescribeRegionsResponse>`, requestId);
}

function requireParam(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (!value) throw new SimulatedAwsError("ValidationError", `1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`, 400);
  return value;
}

const hasUser = (world: ExposedKeyWorld, accountId: string, userName: string) =>
  [...world.keys.values()].some((key) => key.accountId === accountId && key.userName === userName) || listUserPolicies(world, accountId, userName).length > 0;
const noSuchUser = (userName: string) => new SimulatedAwsError("NoSuchEntity", `The user with name ${userName} cannot be found.`, 404);

function findKey(world: ExposedKeyWorld, caller: SimCaller, accessKeyId: string): SimAccessKey {
  const key = world.keys.get(accessKeyId);
  if (!key || key.accountId !== caller.accountId) throw new SimulatedAwsError("NoSuchEntity", `The Access Key with id ${accessKeyId} cannot be found.`, 404);
  return key;
}

function sendXml(res: ServerResponse, status: number, xml: string, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(xml, "utf8");
  res.writeHead(status, { "Content-Type": "text/xml", "x-amzn-RequestId": requestId, "Content-Length": body.length });
  res.end(body);
}
