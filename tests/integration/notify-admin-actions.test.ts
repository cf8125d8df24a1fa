import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuthContext } from "@/lib/server/auth/authorize";
import { createApiToken, newApiTokenSchema } from "@/lib/server/auth/manage-tokens";
import { PEER_ADDRESS_HEADER } from "@/lib/server/auth/peer-address";
import { findTestResult } from "@/lib/server/outputs/admin/test-results";
import { getProcessHealth } from "@/lib/server/services/get-process-health";
import { getNotificationsView } from "@/lib/server/services/get-notifications-view";
import type { TestServer } from "@/tests/support/listen-test-server";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { listenTeamsReceiver, listenWebhookReceiver, type Receiver } from "@/tests/support/notify-receivers";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const SECRET = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
const dir = mkdtempSync(path.join(tmpdir(), "notify-admin-"));
let stack: PublicStack;
let server: TestServer;
let hook: Receiver;
let teams: Receiver;

beforeAll(async () => {
  [hook, teams] = await Promise.all([listenWebhookReceiver(SECRET), listenTeamsReceiver()]);
  const file = path.join(dir, "notify.yaml");
  writeFileSync(
    file,
    [
      "channels:",
      `  - { id: hook, type: webhook, url: "${hook.url}", secret: "\${HOOK_SECRET}" }`,
      `  - { id: teams, type: teams, url: "${teams.url}/workflows/x", security: true }`,
      "rules:",
      "  - channels: [hook, teams]",
      "",
    ].join("\n"),
  );
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, env: { HEALTHDECK_NOTIFY_CONFIG: file, HEALTHDECK_NOTIFY_FRESH_MINUTES: "525600" }, notify: { env: { HOOK_SECRET: SECRET } } });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  const testRoute = await import("@/app/notifications/test/route");
  const channelRoute = await import("@/app/notifications/channel/route");
  server = await listenFetchHandler((request) => (new URL(request.url).pathname === "/notifications/test" ? testRoute.POST(request) : channelRoute.POST(request)));
}, 60_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await server.close();
  await stack.close();
  await Promise.all([hook.close(), teams.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** A form post from our own page (Fetch Metadata says so), as the browser sends it. */
const post = (route: "test" | "channel", fields: Record<string, string>, headers: Record<string, string> = { "sec-fetch-site": "same-origin" }) =>
  fetch(`${server.url}/notifications/${route}`, { method: "POST", body: new URLSearchParams(fields), headers, redirect: "manual" });

const audit = async () => (await stack.runtime.store.audit.list({ before: null, limit: 100 })).filter((entry) => entry.action.startsWith("notify.")).map(({ actor, action, subject, detail }) => ({ actor, action, subject, detail }));

const stepAndDispatch = async () => {
  stack.simulator.step();
  await stack.pollAll();
  await stack.runtime.poller.runNow("notify-dispatch");
};

describe("admin actions on /notifications", () => {
  it("refuses non-admins and cross-site posts, and sends nothing for them", async () => {
    // Under HEALTHDECK_AUTH=none only this machine is admin: a peer elsewhere is nobody.
    const remote = await post("test", { channel: "hook" }, { "sec-fetch-site": "same-origin", [PEER_ADDRESS_HEADER]: "198.51.100.7" });
    expect(remote.status).toBe(403);
    const remoteSwitch = await post("channel", { channel: "hook", action: "disable" }, { "sec-fetch-site": "same-origin", [PEER_ADDRESS_HEADER]: "198.51.100.7" });
    expect(remoteSwitch.status).toBe(403);
    // Signed in (an API token) but not an admin.
    const viewer = await createApiToken(getAuthContext(), newApiTokenSchema.parse({ name: "viewer", scopes: ["read-status", "read-account", "feeds"] }), "test", null);
    const notAdmin = await post("test", { channel: "hook" }, { "sec-fetch-site": "same-origin", authorization: `Bearer ${viewer.secret}` });
    expect(notAdmin.status).toBe(403);
    const crossSite = await post("test", { channel: "hook" }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect(hook.requests + teams.requests).toBe(0);
    expect(await audit()).toEqual([]);
    expect((await post("test", { channel: "nope" })).status).toBe(404);
    expect((await post("test", { channel: "../x" })).status).toBe(400);
    expect((await post("channel", { channel: "hook", action: "mute" })).status).toBe(400);
  });

  it("sends a labelled sample through the channel's transport, shows the remote answer with the Teams caveat, and audits it", async () => {
    const answer = await post("test", { channel: "teams" });
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get("location") ?? "", server.url);
    expect(location.pathname).toBe("/notifications");
    const result = findTestResult(location.searchParams.get("test") ?? undefined);
    expect(result).toMatchObject({ channelId: "teams", ok: true, answered: "HTTP 200", status: 200, note: expect.stringContaining("does NOT prove the card rendered") });
    expect(teams.received).toHaveLength(1);
    expect(JSON.stringify(teams.received[0]?.body)).toContain("TEST MESSAGE from Healthdeck");
    expect(JSON.stringify(teams.received[0]?.body)).toContain("local from /notifications");
    const signed = await post("test", { channel: "hook" });
    expect(findTestResult(new URL(signed.headers.get("location") ?? "", server.url).searchParams.get("test") ?? undefined)).toMatchObject({ ok: true, status: 200, note: null });
    expect(hook.received).toHaveLength(1);
    expect(hook.rejected).toEqual([]);
    // A second press within a few seconds is refused, not sent.
    expect((await post("test", { channel: "teams" })).status).toBe(429);
    expect(teams.requests).toBe(1);
    expect(await audit()).toEqual([
      { actor: "local", action: "notify.test", subject: "hook", detail: "sent: HTTP 200" },
      { actor: "local", action: "notify.test", subject: "teams", detail: "sent: HTTP 200" },
    ]);
  });

  it("queues nothing for a disabled channel, says who disabled it, and delivers again once enabled", async () => {
    const before = { hook: hook.received.length, teams: teams.received.length };
    const off = await post("channel", { channel: "hook", action: "disable" });
    expect([off.status, off.headers.get("location")]).toEqual([303, "/notifications#channel-hook"]);
    await stepAndDispatch();
    expect(hook.received.length).toBe(before.hook);
    expect(teams.received.length).toBeGreaterThan(before.teams);
    const view = await getNotificationsView(stack.runtime.store, stack.runtime.notifications?.config ?? null, { after: 0, limit: 25, channel: "hook", status: null, kind: null });
    expect(view.deliveries).toHaveLength(0);
    expect(view.channels.find((channel) => channel.id === "hook")?.disabled).toEqual({ by: "local", since: expect.any(String) });
    expect((await getProcessHealth()).notifications?.disabledChannels).toEqual([{ id: "hook", by: "local", since: expect.any(String) }]);
    const on = await post("channel", { channel: "hook", action: "enable" });
    expect(on.status).toBe(303);
    await stepAndDispatch();
    expect(hook.received.length).toBeGreaterThan(before.hook);
    const actions = (await audit()).slice(0, 2).map(({ action, subject }) => `${action} ${subject}`);
    expect(actions).toEqual(["notify.channel-enabled hook", "notify.channel-disabled hook"]);
  });

  it("warns in the audit when a security channel is disabled, and the state survives a restart", async () => {
    expect((await post("channel", { channel: "teams", action: "disable" })).status).toBe(303);
    expect((await audit())[0]).toMatchObject({ action: "notify.channel-disabled", subject: "teams", detail: expect.stringContaining("security events do not reach it") });
    const restarted = await stack.restart();
    const view = await getNotificationsView(restarted.store, restarted.notifications?.config ?? null, { after: 0, limit: 1, channel: null, status: null, kind: null });
    expect(view.channels.map((channel) => [channel.id, channel.disabled?.by ?? null])).toEqual([
      ["hook", null],
      ["teams", "local"],
    ]);
  });
});
