import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEvent } from "@/lib/server/store/store-contract-fixtures";
import { createAuthContext } from "@/lib/server/auth/auth-context";
import { createApiToken } from "@/lib/server/auth/manage-tokens";
import { silentLogger } from "@/lib/server/logging/create-logger";
import type { TestServer } from "@/tests/support/listen-test-server";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { jsonFeed11Schema } from "@/tests/support/json-feed-schema";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
/** Off loopback for real: a mode where nobody is let in without credentials (no proxy sends an identity here). */
const SIGNED_IN_ONLY = { HEALTHDECK_AUTH: "proxy", HEALTHDECK_TRUSTED_PROXIES: "10.9.9.9", HEALTHDECK_ADMIN_GROUPS: "ops", HEALTHDECK_PUBLIC_BOARD: "private" };
const TOKEN = "feed-test-token-0123456789";
const PUBLIC_URL = "https://health.example.com";
let stack: PublicStack;
let server: TestServer;
const parser = new Parser();

beforeAll(async () => {
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, env: { ...SIGNED_IN_ONLY, HEALTHDECK_OUTPUTS_TOKEN: TOKEN, HEALTHDECK_PUBLIC_URL: PUBLIC_URL } });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  const routes = {
    "/api/v1/feed.rss": await import("@/app/api/v1/feed.rss/route"),
    "/api/v1/feed.atom": await import("@/app/api/v1/feed.atom/route"),
    "/api/v1/feed.json": await import("@/app/api/v1/feed.json/route"),
  };
  server = await listenFetchHandler((request) => {
    const route = routes[new URL(request.url).pathname as keyof typeof routes];
    return route ? route.GET(request) : new Response("not found", { status: 404 });
  });
  for (let step = 0; step < 2; step += 1) {
    stack.simulator.step();
    await stack.pollAll();
  }
  const now = stack.runtime.now();
  await stack.runtime.store.write((tx) => tx.accountEvents.upsertEvents([accountEvent({ startTime: now + 86_400_000, lastUpdatedTime: now - 60_000 })], now - 60_000));
  await stack.runtime.store.write((tx) => tx.accountEvents.upsertEvents([accountEvent({ startTime: now + 86_400_000, lastUpdatedTime: now, description: "Retirement moved by a day." })], now));
});

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await server?.close();
  await stack?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}${path.includes("?") ? "&" : "?"}token=${TOKEN}`, { headers });

describe("GET /api/v1/feed.rss, feed.atom, feed.json", () => {
  it("needs the feed token off loopback (header or ?token=)", async () => {
    expect((await fetch(`${server.url}/api/v1/feed.rss`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/feed.rss`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await get("/api/v1/feed.rss")).status).toBe(200);
  });

  it("takes an API token with the feeds scope in ?token= too (no header copy needed), and only for its scope", async () => {
    const context = createAuthContext({ config: stack.runtime.config, store: stack.runtime.store, logger: silentLogger, now: stack.runtime.now });
    const reader = await createApiToken(context, { name: "feed reader", scopes: ["feeds"], accounts: [], expiresInDays: 0 }, "test", null);
    const viewer = await createApiToken(context, { name: "viewer", scopes: ["read-status"], accounts: [], expiresInDays: 0 }, "test", null);
    expect((await fetch(`${server.url}/api/v1/feed.json?token=${reader.secret}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/feed.json?token=${viewer.secret}`)).status).toBe(403);
    expect((await fetch(`${server.url}/api/v1/feed.json?token=hda_unknown`)).status).toBe(401);
  });

  it("RSS: one item per update, public and account, with stable ids and links to Healthdeck pages", async () => {
    const response = await get("/api/v1/feed.rss");
    expect(response.headers.get("content-type")).toContain("application/rss+xml");
    const feed = await parser.parseString(await response.text());
    const ids = feed.items.map((item) => item.guid);
    expect(new Set(ids).size).toBe(ids.length);
    const ec2 = feed.items.filter((item) => item.guid?.startsWith("urn:healthdeck:public-update:ec2-us-east-1_"));
    expect(ec2.length).toBeGreaterThanOrEqual(2);
    expect(ec2.every((item) => item.link === `${PUBLIC_URL}/?service=ec2&region=us-east-1`)).toBe(true);
    // Upstream markup stays text: the reader sees the characters, no element.
    const first = ec2.find((item) => item.contentSnippet?.includes("& bold"));
    expect(first?.content).toContain("&amp; bold");
    const account = feed.items.filter((item) => item.guid?.startsWith("urn:healthdeck:account-update:"));
    expect(account.length).toBe(2);
    expect(account[0]?.link).toMatch(new RegExp(`^${PUBLIC_URL}/events/`));
    expect(account[0]?.content).toBe("Retirement moved by a day.");

    // A later poll adds items and keeps the earlier ones' ids.
    stack.simulator.step();
    await stack.pollAll();
    const later = await parser.parseString(await (await get("/api/v1/feed.rss")).text());
    const laterIds = new Set(later.items.map((item) => item.guid));
    expect(ids.every((id) => laterIds.has(id))).toBe(true);
  });

  it("Atom parses, with the same item ids", async () => {
    const [rss, atom] = await Promise.all([get("/api/v1/feed.rss").then((r) => r.text()), get("/api/v1/feed.atom").then((r) => r.text())]);
    const rssIds = (await parser.parseString(rss)).items.map((item) => item.guid);
    const atomFeed = await parser.parseString(atom);
    expect(atomFeed.items.map((item) => item.id)).toEqual(rssIds);
    expect(atomFeed.items.every((item) => typeof item.link === "string" && item.link.startsWith(PUBLIC_URL))).toBe(true);
  });

  it("JSON Feed 1.1 has the required fields, and the same ids", async () => {
    const response = await get("/api/v1/feed.json");
    expect(response.headers.get("content-type")).toContain("application/feed+json");
    const feed = jsonFeed11Schema.parse(await response.json());
    const rssIds = (await parser.parseString(await (await get("/api/v1/feed.rss")).text())).items.map((item) => item.guid);
    expect(feed.items.map((item) => item.id)).toEqual(rssIds);
    expect(feed.feed_url).toBe(`${PUBLIC_URL}/api/v1/feed.json`);
  });

  it("filters like the board", async () => {
    const west = jsonFeed11Schema.parse(await (await get("/api/v1/feed.json?region=us-west-2")).json());
    expect(west.items.length).toBeGreaterThan(0);
    expect(west.items.every((item) => item.url?.endsWith("region=us-west-2"))).toBe(true);
    const scheduled = jsonFeed11Schema.parse(await (await get("/api/v1/feed.json?category=scheduledChange")).json());
    expect(scheduled.items.map((item) => item.id.split(":")[2])).toEqual(["account-update", "account-update"]);
    const otherAccount = jsonFeed11Schema.parse(await (await get("/api/v1/feed.json?account=210987654321")).json());
    expect(otherAccount.items.some((item) => item.id.includes("account-update"))).toBe(false);
    const answer = await get("/api/v1/feed.json?region=US%20EAST");
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain("region must be a region code");
  });

  it("answers 304 to If-None-Match with the current ETag", async () => {
    const first = await get("/api/v1/feed.atom");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"/);
    const again = await get("/api/v1/feed.atom", { "if-none-match": etag ?? "" });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await get("/api/v1/feed.atom", { "if-none-match": '"something-else"' });
    expect(other.status).toBe(200);
  });
});
