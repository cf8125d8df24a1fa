import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { PEER_ADDRESS_HEADER } from "@/lib/server/auth/peer-address";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exposedKeyResponseSchema } from "@/lib/shared/exposed-key-contract";
import { parseConfig } from "@/lib/server/config/load-config";
import { createLogger } from "@/lib/server/logging/create-logger";
import { handleIngestRequest } from "@/lib/server/ingest/handle-ingest-request";
import { createHealthdeckRuntime, type HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT } from "@/lib/simulator/health-api/health-fixture-scenario";
import { createSeededWorld } from "@/lib/simulator/exposed-key/exposed-key-world";
import { listenTestServer, type TestServer } from "@/tests/support/listen-test-server";
import { listenWebhookReceiver, type Receiver } from "@/tests/support/notify-receivers";
import { waitUntil } from "@/tests/support/replica-cluster";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";

const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const SECRET = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
const TOKEN = "exposed-key-test-token-0123456789";
const KEY = "AKIAEXPOSEDAPI000042";
const auditLines: string[] = [];
let dir = "";
let databaseUrl: string | null = null;
let postgres: TestPostgres | null = null;
let sim: HealthApiSimulator;
let runtime: HealthdeckRuntime;
let server: TestServer;
let security: Receiver;
let eventId = "";
let isRuntimeClosed = false;

const SIM_ENV = () => ({ AWS_ENDPOINT_URL_CLOUDTRAIL: `${sim.url}/cloudtrail`, AWS_ENDPOINT_URL_IAM: `${sim.url}/iam`, AWS_ENDPOINT_URL_EC2: `${sim.url}/ec2`, AWS_ENDPOINT_URL_STS: sim.url });
const SOURCE = { baseCredentials: { accessKeyId: "AKIDBASETEST", secretAccessKey: "test-secret" }, regionTimeoutMs: 10_000 };

/** An exposed-key event as EventBridge delivers it today (detail.eventMetadata with publicKey, userName…). */
function exposedPush(communicationId: string, arnSuffix: string) {
  const now = new Date();
  return {
    version: "0",
    id: `push-${communicationId}`,
    "detail-type": "AWS Health Event",
    source: "aws.health",
    account: MANAGEMENT,
    time: now.toISOString(),
    region: "eu-west-1",
    resources: [KEY],
    detail: {
      eventArn: `arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/${arnSuffix}`,
      service: "RISK",
      eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED",
      eventTypeCategory: "issue",
      eventScopeCode: "ACCOUNT_SPECIFIC",
      communicationId,
      startTime: now.toUTCString(),
      lastUpdatedTime: now.toUTCString(),
      statusCode: "open",
      eventRegion: "eu-west-1",
      eventDescription: [{ language: "en_US", latestDescription: "Your key is publicly available." }],
      eventMetadata: { publicKey: KEY, userName: "ci-deploy", accountId: MANAGEMENT, exposedUrl: "https://github.com/example/leak" },
      affectedEntities: [{ entityValue: KEY }],
      affectedAccount: MANAGEMENT,
    },
  };
}

/** Every test runs on both engines: the exposed-key state lives in the store's meta table, which replicas share. */
const ENGINES: { name: string; createDatabase: () => Promise<string | null> }[] = [
  { name: "sqlite", createDatabase: async () => null },
  {
    name: "postgres",
    async createDatabase() {
      postgres ??= await startPostgres();
      return postgres.createDatabase("exposed_key_api");
    },
  },
];
const openStore = () => openHealthdeckStore({ dataDir: dir, databaseUrl, leaderRetryMs: 300 });
const becomesLeader = (runtime: HealthdeckRuntime) => waitUntil("the runtime to lead", async () => (runtime.store.coordinator.role !== "follower" ? true : null), 15_000);

/** Serves the ingest and exposed-key routes as `next start` would, X-Forwarded-For set from the socket when absent. */
async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", req.socket.remoteAddress ?? "");
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, { method: req.method, headers, body });
}

async function startAll(createDatabase: () => Promise<string | null>): Promise<void> {
  dir = mkdtempSync(path.join(tmpdir(), "exposed-key-api-"));
  databaseUrl = await createDatabase();
  auditLines.length = 0;
  isRuntimeClosed = false;
  sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario() });
  sim.exposedKey.setWorld(
    createSeededWorld({ keys: [{ accessKeyId: KEY, accountId: MANAGEMENT, userName: "ci-deploy", status: "Active", quarantined: true, trail: { count: 60, regions: ["us-east-1", "eu-west-1"], spanHours: 10 } }] }, Date.now()),
  );
  security = await listenWebhookReceiver(SECRET);
  const notifyFile = path.join(dir, "notify.yaml");
  writeFileSync(notifyFile, `channels:\n  - id: sec\n    type: webhook\n    url: ${security.url}\n    secret: ${SECRET}\n    security: true\n`);
  const config = parseConfig({
    HEALTHDECK_DATA_DIR: dir,
    HEALTHDECK_PUBLIC_EVENTS_URL: "http://127.0.0.1:9/currentevents",
    HEALTHDECK_ACCOUNT_HEALTH: "off",
    HEALTHDECK_INGEST_TOKEN: TOKEN,
    HEALTHDECK_NOTIFY_CONFIG: notifyFile,
    HEALTHDECK_EXPOSED_KEY_ACTIONS: "deactivate",
    HEALTHDECK_RESPONDER_ROLE: "arn:aws:iam::{account}:role/HealthdeckResponder",
    HEALTHDECK_RESPONDER_ACTION_ROLE: "arn:aws:iam::{account}:role/HealthdeckResponderAction",
    HEALTHDECK_PUBLIC_URL: "https://health.example.com",
  });
  runtime = createHealthdeckRuntime({
    config,
    store: openStore(),
    logger: createLogger({ write: (line) => auditLines.push(line) }),
    exposedKey: { env: SIM_ENV(), source: SOURCE },
    notify: { env: {} },
  });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = runtime;
  runtime.followLeadership();
  await becomesLeader(runtime);
  const route = await import("@/app/api/v1/account/events/[id]/exposed-key/route");
  server = await listenTestServer((req, res) => {
    void (async () => {
      const request = await toRequest(req);
      const match = /^\/api\/v1\/account\/events\/([^/]+)\/exposed-key$/.exec(new URL(request.url).pathname);
      const context = { params: Promise.resolve({ id: match?.[1] ?? "" }) };
      const response =
        new URL(request.url).pathname === "/api/v1/ingest/eventbridge"
          ? await handleIngestRequest(request, { store: runtime.store, config, now: runtime.now, logger: runtime.logger })
          : request.method === "POST"
            ? await route.POST(request, context)
            : await route.GET(request, context);
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
    })();
  });
}

async function stopAll(): Promise<void> {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await server?.close();
  if (!isRuntimeClosed) await runtime?.close();
  await security?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
}

afterAll(async () => {
  await postgres?.stop();
}, 30_000);

const exposedKeyUrl = () => `${server.url}/api/v1/account/events/${eventId}/exposed-key`;
// As the event page's own fetch sends it: Origin of this site (the admin rule refuses posts that name no origin).
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(exposedKeyUrl(), { method: "POST", headers: { "Content-Type": "application/json", Origin: new URL(server.url).origin, ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
const view = async () => exposedKeyResponseSchema.parse(await (await fetch(exposedKeyUrl())).json());

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function dispatchThenRead() {
  await runtime.poller.runNow("notify-dispatch");
  return security.received;
}

describe.each(ENGINES)("/api/v1/account/events/<id>/exposed-key over HTTP on $name", ({ createDatabase }) => {
  beforeAll(() => startAll(createDatabase), 90_000);
  afterAll(stopAll, 30_000);

  it("looks the key up on its own when the event arrives by EventBridge, and tells the security channel", async () => {
    const push = exposedPush("exposed-api-1", "AWS_RISK_CREDENTIALS_EXPOSED_api_test");
    const pushed = await fetch(`${server.url}/api/v1/ingest/eventbridge`, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(push) });
    expect(pushed.status, await pushed.clone().text()).toBe(200);
    eventId = ((await pushed.json()) as { results: { id: string }[] }).results[0]?.id ?? "";
    const done = await until(view, (body) => body.lookup?.status === "complete");
    expect(done.facts).toMatchObject({ maskedKeyId: "****************0042", last4: "0042", userName: "ci-deploy", exposedUrl: "https://github.com/example/leak" });
    expect(JSON.stringify(done)).not.toContain(KEY);
    expect(done.keyState).toMatchObject({ status: "Active", quarantinePolicies: ["AWSCompromisedKeyQuarantineV3"] });
    expect(done.lookup).toMatchObject({ trigger: "auto", totalEvents: 60, cappedAt: null, coverage: expect.stringContaining("Management events only") });
    expect(done.lookup?.regions.map((region) => region.region)).toEqual(["eu-west-1", "us-east-1"]);
    expect(done.settings).toEqual({ lookup: "auto", actions: "deactivate", readRoleConfigured: true, actionRoleConfigured: true });
    const summaryId = `sec:${eventId}:exposed-key-summary:${done.lookup?.id}`;
    const received = await until(dispatchThenRead, (receipts) => receipts.some((receipt) => receipt.id === summaryId));
    expect(received.map((receipt) => receipt.id)).toEqual([`sec:${eventId}:opened`, summaryId]);
    const summary = JSON.stringify(received[1]?.body);
    expect(summary).toContain("Top actions:");
    expect(summary).toContain("Source IPs: 192.0.2.");
    expect(summary).toContain("Management events only");
    expect(summary).not.toContain(KEY);
  }, 40_000);

  it("answers a repeated look-up of the same window from the cache, and a new window with a new look-up", async () => {
    const before = sim.exposedKey.state().calls;
    const first = await post({ action: "lookup", hours: 48, regions: ["us-west-2"] });
    expect(first.status).toBe(202);
    await runtime.exposedKey.waitForLookup(eventId);
    const again = await post({ action: "lookup", hours: 48, regions: ["us-west-2"] });
    expect(again.status).toBe(200);
    const after = sim.exposedKey.state().calls;
    expect(after["cloudtrail:LookupEvents:us-west-2"] ?? 0).toBe((before["cloudtrail:LookupEvents:us-west-2"] ?? 0) + 1);
  });

  it("refuses bad input with clear messages", async () => {
    expect(await (await post({ action: "lookup", hours: 5000 })).json()).toMatchObject({ error: expect.stringContaining("hours must be at most 2160") });
    expect(await (await post({ action: "lookup", regions: ["mars-1"] })).json()).toMatchObject({ error: expect.stringContaining("region code") });
    expect(await (await post({ action: "delete" })).json()).toMatchObject({ error: expect.stringContaining('action must be "lookup" or "deactivate"') });
    expect((await post("not json")).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/account/events/x/exposed-key`)).status).toBe(400);
  });

  it("deactivates only with the key's last 4 characters, for an admin, idempotently, and audits every attempt", async () => {
    const wrong = await post({ action: "deactivate", confirm: "9999" });
    expect(wrong.status).toBe(400);
    expect(sim.exposedKey.state().keys[0]?.status).toBe("Active");
    // Under HEALTHDECK_AUTH=none a peer that is not this machine is nobody (the server stamps the socket's address).
    const remote = await post({ action: "deactivate", confirm: "0042" }, { [PEER_ADDRESS_HEADER]: "198.51.100.7" });
    expect(remote.status).toBe(403);
    const crossSite = await post({ action: "deactivate", confirm: "0042" }, { Origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    // Behind a proxy the browser's Origin is the public URL, not the Host the app sees: same site, so on to the confirm.
    const viaPublicUrl = await post({ action: "deactivate", confirm: "9999" }, { Origin: "https://health.example.com" });
    expect(viaPublicUrl.status).toBe(400);
    const unsaid = await fetch(exposedKeyUrl(), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ action: "deactivate", confirm: "0042" }) });
    expect(unsaid.status).toBe(403);
    expect(sim.exposedKey.state().keys[0]?.status).toBe("Active");
    const done = await post({ action: "deactivate", confirm: "0042" });
    expect(await done.json()).toMatchObject({ action: { result: "deactivated", actor: "local" } });
    expect(sim.exposedKey.state().keys[0]?.status).toBe("Inactive");
    expect(await (await post({ action: "deactivate", confirm: "0042" })).json()).toMatchObject({ action: { result: "already-inactive" } });
    const shown = await view();
    expect(shown.actions.map((action) => action.result)).toEqual(["already-inactive", "deactivated"]);
    expect(shown.keyState?.status).toBe("Inactive");
    const audit = auditLines.filter((line) => line.includes('"message":"audit"')).map((line) => JSON.parse(line) as { result: string });
    expect(audit.map((line) => line.result)).toEqual(["attempt", "refused", "attempt", "refused", "attempt", "refused", "attempt", "refused", "attempt", "deactivated", "attempt", "already-inactive"]);
    expect(auditLines.join("\n")).not.toContain(KEY);
    const notices = await until(dispatchThenRead, (received) => received.some((receipt) => receipt.id.includes("exposed-key-action")));
    expect(notices.filter((receipt) => receipt.id.includes("exposed-key-action"))).toHaveLength(2);
  });

  it("after a restart, looks up once an event that arrived while nothing followed, and not again the ones it did", async () => {
    // The first process stops (its follower with it); the event arrives meanwhile, stored by another writer.
    await runtime.close();
    isRuntimeClosed = true;
    const aside = openStore();
    const pushed = await handleIngestRequest(
      new Request("http://127.0.0.1/api/v1/ingest/eventbridge", { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(exposedPush("exposed-api-2", "AWS_RISK_CREDENTIALS_EXPOSED_api_test_2")) }),
      { store: aside, config: runtime.config, now: Date.now, logger: createLogger({ write: () => {} }) },
    );
    const missedId = ((await pushed.json()) as { results: { id: string }[] }).results[0]?.id ?? "";
    await aside.close();
    const before = sim.exposedKey.state().calls["cloudtrail:LookupEvents:eu-west-1"] ?? 0;
    const restarted = createHealthdeckRuntime({ config: runtime.config, store: openStore(), logger: createLogger({ write: () => {} }), exposedKey: { env: SIM_ENV(), source: SOURCE } });
    try {
      restarted.followLeadership();
      const seen = await until(async () => restarted.exposedKey.getView(missedId), (shown) => shown?.lookup?.status === "complete");
      expect(seen?.lookup?.trigger).toBe("auto");
      await restarted.exposedKey.waitForLookup(eventId);
      // One look-up (the missed event's eu-west-1 pages), none for the event already looked up.
      expect((sim.exposedKey.state().calls["cloudtrail:LookupEvents:eu-west-1"] ?? 0) - before).toBe(seen?.lookup?.regions.find((region) => region.region === "eu-west-1")?.pages);
      expect((await restarted.exposedKey.getView(eventId))?.lookup?.trigger).toBe("manual");
    } finally {
      await restarted.close();
    }
  }, 40_000);

  it("keeps the finished look-up, the key's state and the actions in the store: another process shows them", async () => {
    const other = createHealthdeckRuntime({ config: runtime.config, store: openStore(), logger: createLogger({ write: () => {} }) });
    try {
      const shown = await other.exposedKey.getView(eventId);
      expect(shown?.lookup).toMatchObject({ status: "complete", requested: { hours: 48, regions: ["us-west-2"] } });
      expect(shown?.keyState?.status).toBe("Inactive");
      expect(shown?.actions.map((action) => action.result)).toEqual(["already-inactive", "deactivated"]);
    } finally {
      await other.close();
    }
  });
});
