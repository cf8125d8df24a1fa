import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_CONTROL_BODY_BYTES, readBoundedBody, sendJson } from "@/lib/simulator/handle-control-request";
import { createCallCounter } from "@/lib/simulator/exposed-key/exposed-key-stats";
import { createRateLimiter, defaultFaults, faultsPatchSchema, type ExposedKeyFaults } from "@/lib/simulator/exposed-key/exposed-key-faults";
import { createDemoWorld, createSeededWorld, seedBodySchema, type ExposedKeyWorld } from "@/lib/simulator/exposed-key/exposed-key-world";
import { handleCloudTrailRequest, isCloudTrailTarget } from "@/lib/simulator/exposed-key/handle-cloudtrail-request";
import { handleEc2Request, handleIamRequest } from "@/lib/simulator/exposed-key/handle-iam-request";
import type { SimCaller } from "@/lib/simulator/exposed-key/simulated-aws-error";

/** Where the SDK clients are pointed: AWS_ENDPOINT_URL_CLOUDTRAIL=<health url>/cloudtrail, …_IAM=<…>/iam, …_EC2=<…>/ec2. */
export const EXPOSED_KEY_PATHS = { cloudtrail: "/cloudtrail", iam: "/iam", ec2: "/ec2" } as const;
export const EXPOSED_KEY_CONTROL_PREFIX = "/__sim/exposed-key/";
const MAX_BODY_BYTES = 256 * 1024;

export interface ExposedKeySimulatorDeps {
  resolveCaller(req: IncomingMessage): SimCaller;
  signingRegion(req: IncomingMessage): string | null;
  now?: () => number;
}

/**
 * CloudTrail LookupEvents, IAM and EC2 DescribeRegions, mounted on the Health API simulator's server under their own
 * paths, with a control API to seed keys and trails, switch faults and read the keys' state and the call counts.
 */
export function createExposedKeySimulator(deps: ExposedKeySimulatorDeps) {
  const now = deps.now ?? Date.now;
  let world: ExposedKeyWorld = createDemoWorld(now());
  const faults: ExposedKeyFaults = defaultFaults();
  const counter = createCallCounter();
  const limiter = createRateLimiter(() => faults.ratePerSecond);
  let release = () => {};
  const closed = new Promise<void>((resolve) => (release = resolve));
  const getWorld = () => world;

  function claims(req: IncomingMessage, path: string): boolean {
    if (path.startsWith(EXPOSED_KEY_CONTROL_PREFIX)) return true;
    if (Object.values(EXPOSED_KEY_PATHS).some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return true;
    return isCloudTrailTarget(req.headers["x-amz-target"]?.toString());
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path.startsWith(EXPOSED_KEY_CONTROL_PREFIX)) return handleControl(req, res, path.slice(EXPOSED_KEY_CONTROL_PREFIX.length - 1));
    const body = await readBoundedBody(req, MAX_BODY_BYTES);
    if (body === null) return sendJson(res, 413, { message: `request body exceeds ${MAX_BODY_BYTES} bytes` });
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const caller = deps.resolveCaller(req);
    const region = deps.signingRegion(req) ?? "us-east-1";
    if (isCloudTrailTarget(req.headers["x-amz-target"]?.toString())) {
      return handleCloudTrailRequest(req, res, body.toString("utf8"), region, caller, {
        world: getWorld,
        faults,
        takeToken: limiter.take,
        count: (operation, callRegion) => counter.count("cloudtrail", operation, callRegion),
        countThrottled: counter.countThrottled,
        closed,
        now,
      });
    }
    const params = new URLSearchParams(body.toString("utf8"));
    const iamDeps = { world: getWorld, faults, count: (service: string, operation: string) => counter.count(service, operation, region) };
    if (path.startsWith(EXPOSED_KEY_PATHS.ec2)) return handleEc2Request(res, params, iamDeps);
    return handleIamRequest(res, params, caller, iamDeps);
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
    const key = `${req.method ?? "GET"} ${route}`;
    if (key === "GET /state") return sendJson(res, 200, state());
    if (key === "POST /stats/reset") {
      counter.reset();
      limiter.reset();
      return sendJson(res, 200, state());
    }
    const body = await readBoundedBody(req, MAX_CONTROL_BODY_BYTES);
    let json: unknown = undefined;
    try {
      json = JSON.parse(body?.toString("utf8") || "{}");
    } catch {
      return sendJson(res, 400, { error: "request body is not valid JSON" });
    }
    if (key === "POST /faults") {
      const patch = faultsPatchSchema.safeParse(json);
      if (!patch.success) return sendJson(res, 400, { error: patch.error.message });
      Object.assign(faults, defaultFaults(), patch.data);
      return sendJson(res, 200, state());
    }
    if (key === "POST /seed") {
      const seed = seedBodySchema.safeParse(json);
      if (!seed.success) return sendJson(res, 400, { error: seed.error.message });
      world = createSeededWorld(seed.data, now());
      return sendJson(res, 200, state());
    }
    if (key === "POST /reset") {
      world = createDemoWorld(now());
      Object.assign(faults, defaultFaults());
      counter.reset();
      limiter.reset();
      return sendJson(res, 200, state());
    }
    return sendJson(res, 404, { error: `no control route ${key}` });
  }

  function state() {
    return {
      keys: [...world.keys.values()].map((key) => ({ accessKeyId: key.accessKeyId, accountId: key.accountId, userName: key.userName, status: key.status })),
      trailEvents: Object.fromEntries([...world.trail].map(([region, events]) => [region, events.length])),
      faults: { ...faults },
      ...counter.snapshot(),
    };
  }

  return {
    claims,
    handle,
    state,
    world: getWorld,
    setWorld(next: ExposedKeyWorld) {
      world = next;
    },
    setFaults(patch: Partial<ExposedKeyFaults>) {
      Object.assign(faults, defaultFaults(), patch);
    },
    resetStats() {
      counter.reset();
      limiter.reset();
    },
    close: () => release(),
  };
}
export type ExposedKeySimulator = ReturnType<typeof createExposedKeySimulator>;
