import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveriesResponseSchema, deliveryDetailSchema } from "@/lib/shared/notifications-contract";
import type { TestServer } from "@/tests/support/listen-test-server";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { listenWebhookReceiver, type Receiver } from "@/tests/support/notify-receivers";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const SECRET = `whsec_${Buffer.alloc(32, 5).toString("base64")}`;
const dir = mkdtempSync(path.join(tmpdir(), "notify-api-"));
let stack: PublicStack;
let server: TestServer;
let hook: Receiver;
let health: TestServer;
let detail: TestServer;

beforeAll(async () => {
  hook = await listenWebhookReceiver(SECRET, { answers: (index) => (index === 0 ? { status: 200 } : { status: 410 }) });
  const file = path.join(dir, "notify.yaml");
  writeFileSync(file, `channels:\n  - id: hook\n    type: webhook\n    url: ${hook.url}\n    secret: \${HOOK_SECRET}\nrules:\n  - channels: [hook]\n`);
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, env: { HEALTHDECK_NOTIFY_CONFIG: file, HEALTHDECK_NOTIFY_FRESH_MINUTES: "525600" }, notify: { env: { HOOK_SECRET: SECRET } } });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  const route = await import("@/app/api/v1/notifications/deliveries/route");
  server = await listenFetchHandler((request) => route.GET(request));
  const healthRoute = await import("@/app/api/v1/health/route");
  health = await listenFetchHandler((request) => healthRoute.GET(request));
  const detailRoute = await import("@/app/api/v1/notifications/deliveries/[id]/route");
  detail = await listenFetchHandler((request) => detailRoute.GET(request, { params: Promise.resolve({ id: new URL(request.url).pathname.split("/").at(-1) ?? "" }) }));
  stack.simulator.step();
  await stack.pollAll();
  stack.simulator.step();
  await stack.pollAll();
  await stack.runtime.poller.runNow("notify-dispatch");
}, 60_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await server.close();
  await health.close();
  await detail.close();
  await stack.close();
  await hook.close();
  rmSync(dir, { recursive: true, force: true });
});

const read = async (query: string) => {
  const response = await fetch(`${server.url}/api/v1/notifications/deliveries${query}`);
  return { status: response.status, body: (await response.json()) as unknown };
};

describe("GET /api/v1/notifications/deliveries", () => {
  it("lists deliveries in id order, pages with nextAfter and filters by channel and status", async () => {
    const all = deliveriesResponseSchema.parse((await read("")).body);
    expect(all.deliveries.length).toBeGreaterThanOrEqual(3);
    const [first, second] = all.deliveries;
    expect(first).toMatchObject({ channel: "hook", kind: "opened", status: "sent", attempts: 1, lastError: null });
    expect(Date.parse(first?.sentAt ?? "")).not.toBeNaN();
    expect(second).toMatchObject({ status: "failed", lastError: expect.stringContaining("HTTP 410") });
    expect(all.nextAfter).toBe(all.deliveries.at(-1)?.id);
    const page = deliveriesResponseSchema.parse((await read("?limit=1")).body);
    expect(page.deliveries.map((delivery) => delivery.id)).toEqual([first?.id]);
    const rest = deliveriesResponseSchema.parse((await read(`?after=${page.nextAfter}&limit=500`)).body);
    expect([...page.deliveries, ...rest.deliveries]).toEqual(all.deliveries);
    expect(deliveriesResponseSchema.parse((await read("?status=sent")).body).deliveries.map((delivery) => delivery.id)).toEqual([first?.id]);
    expect(deliveriesResponseSchema.parse((await read("?channel=other")).body)).toEqual({ deliveries: [], nextAfter: 0 });
    expect(deliveriesResponseSchema.parse((await read("?kind=opened")).body).deliveries.every((delivery) => delivery.kind === "opened")).toBe(true);
    expect(deliveriesResponseSchema.parse((await read("?kind=digest")).body).deliveries).toEqual([]);
    expect(first).toMatchObject({ lastStatus: 200, isSecurity: false, foldedInto: null });
  });

  it("GET /api/v1/notifications/deliveries/<id> shows each attempt, its answer and the payload as sent", async () => {
    const all = deliveriesResponseSchema.parse((await read("")).body);
    const [first] = all.deliveries;
    const sent = deliveryDetailSchema.parse(await (await fetch(`${detail.url}/api/v1/notifications/deliveries/${first?.id}`)).json());
    expect(sent.delivery).toEqual(first);
    expect(sent.attempts).toEqual([{ at: first?.sentAt, outcome: "sent", responseStatus: 200, error: null, durationMs: expect.any(Number), responseText: "ok" }]);
    expect(sent.payload).toMatchObject({ type: "event.opened", data: { event: { id: first?.eventId } } });
    expect(sent.folded).toEqual([]);
    const gone = all.deliveries.find((delivery) => delivery.lastStatus === 410);
    const answered = deliveryDetailSchema.parse(await (await fetch(`${detail.url}/api/v1/notifications/deliveries/${gone?.id}`)).json());
    expect(answered.attempts).toEqual([expect.objectContaining({ outcome: "failed", responseStatus: 410, error: expect.stringContaining("HTTP 410"), responseText: "nope" })]);
    // Once the channel is broken, nothing is requested: the attempt says so, with no answer and no duration.
    const skipped = all.deliveries.find((delivery) => delivery.id !== gone?.id && delivery.status === "failed");
    const unsent = deliveryDetailSchema.parse(await (await fetch(`${detail.url}/api/v1/notifications/deliveries/${skipped?.id}`)).json());
    expect(unsent.attempts).toEqual([expect.objectContaining({ outcome: "failed", responseStatus: null, durationMs: null, error: expect.stringContaining("the channel is broken") })]);
    const missing = await fetch(`${detail.url}/api/v1/notifications/deliveries/999999`);
    expect([missing.status, await missing.json()]).toEqual([404, { error: "no delivery has the id 999999" }]);
    for (const id of ["0", "abc", "1e3", "-1"]) {
      const bad = await fetch(`${detail.url}/api/v1/notifications/deliveries/${id}`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: "the delivery id must be a whole number from the delivery log" });
    }
  });

  it("answers 400 with a reason for bad input", async () => {
    for (const [query, reason] of [
      ["?after=-1", "after must be a whole number"],
      ["?limit=0", "limit must be at least 1"],
      ["?limit=501", "limit must be at most 500"],
      ["?status=lost", "status must be one of queued, sent, failed, expired, folded"],
      ["?kind=new", "kind must be one of opened, updated, resolved, reminder, digest"],
      ["?channel=%20x", "channel must be a channel id"],
    ]) {
      const answer = await read(query ?? "");
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain(reason);
    }
  });

  it("shows the dispatcher's metrics and the broken channel in /api/v1/health", async () => {
    const body = (await (await fetch(health.url)).json()) as { notifications: unknown };
    expect(body.notifications).toMatchObject({ channels: 1, sent: 1, queued: 0, brokenChannels: [{ id: "hook", reason: expect.stringContaining("HTTP 410") }] });
    expect((body.notifications as { failed: number }).failed).toBeGreaterThanOrEqual(2);
  });
});
