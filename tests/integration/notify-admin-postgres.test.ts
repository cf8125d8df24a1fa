import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getNotificationsView } from "@/lib/server/services/get-notifications-view";
import type { TestServer } from "@/tests/support/listen-test-server";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { listenWebhookReceiver, type Receiver } from "@/tests/support/notify-receivers";
import { startPostgres, type TestPostgres } from "@/tests/support/start-postgres";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

/** The channel switch on PostgreSQL: kept in the store, so it holds after a restart and for the leader's router. */
const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const SECRET = `whsec_${Buffer.alloc(32, 8).toString("base64")}`;
const dir = mkdtempSync(path.join(tmpdir(), "notify-admin-pg-"));
let postgres: TestPostgres;
let stack: PublicStack;
let server: TestServer;
let hook: Receiver;

beforeAll(async () => {
  postgres = await startPostgres();
  hook = await listenWebhookReceiver(SECRET);
  const file = path.join(dir, "notify.yaml");
  writeFileSync(file, `channels:\n  - { id: hook, type: webhook, url: "${hook.url}", secret: "\${HOOK_SECRET}" }\nrules:\n  - channels: [hook]\n`);
  stack = await startPublicStack({
    scenario: INCIDENT_SCENARIO,
    databaseUrl: await postgres.createDatabase("notify_admin"),
    env: { HEALTHDECK_NOTIFY_CONFIG: file, HEALTHDECK_NOTIFY_FRESH_MINUTES: "525600" },
    notify: { env: { HOOK_SECRET: SECRET } },
  });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  const route = await import("@/app/notifications/channel/route");
  server = await listenFetchHandler((request) => route.POST(request));
}, 90_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await server.close();
  await stack.close();
  await hook.close();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("channel switch on PostgreSQL", () => {
  it("a disabled channel gets nothing, also after a restart, and is delivered to again once enabled", async () => {
    const post = (action: string) =>
      fetch(`${server.url}/notifications/channel`, { method: "POST", body: new URLSearchParams({ channel: "hook", action }), headers: { "sec-fetch-site": "same-origin" }, redirect: "manual" });
    expect((await post("disable")).status).toBe(303);
    const runtime = await stack.restart();
    (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = runtime;
    stack.simulator.step();
    await stack.pollAll();
    await runtime.poller.runNow("notify-dispatch");
    expect(hook.requests).toBe(0);
    const view = await getNotificationsView(runtime.store, runtime.notifications?.config ?? null, { after: 0, limit: 25, channel: null, status: null, kind: null });
    expect([view.deliveries.length, view.channels[0]?.disabled?.by]).toEqual([0, "local"]);
    expect((await post("enable")).status).toBe(303);
    stack.simulator.step();
    await stack.pollAll();
    await runtime.poller.runNow("notify-dispatch");
    expect(hook.received.length).toBeGreaterThan(0);
    expect((await runtime.store.audit.list({ before: null, limit: 10 })).map((entry) => entry.action)).toEqual(["notify.channel-enabled", "notify.channel-disabled"]);
  });
});
