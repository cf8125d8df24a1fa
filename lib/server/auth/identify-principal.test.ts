import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createHealthdeckStore, type HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";
import { createAuthContext, type AuthContext } from "@/lib/server/auth/auth-context";
import { authorizeHeaders } from "@/lib/server/auth/identify-principal";
import { createApiToken, createDisplayToken, revokeToken } from "@/lib/server/auth/manage-tokens";
import { PEER_ADDRESS_HEADER } from "@/lib/server/auth/peer-address";
import { sealSession } from "@/lib/server/auth/session";

const SECRET = "session-secret-0123456789abcdef0123456789abcdef";
let dir: string;
let store: HealthdeckStore;
const clock = { now: Date.parse("2026-12-07T12:00:00Z") };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "healthdeck-auth-"));
  store = createHealthdeckStore(openSqliteEngine(dir));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function contextFor(env: Record<string, string>): AuthContext {
  return createAuthContext({ config: parseConfig({ HEALTHDECK_DATA_DIR: dir, ...env }), store, logger: silentLogger, now: () => clock.now });
}

const headers = (values: Record<string, string>) => new Headers(values);
const PROXY_ENV = { HEALTHDECK_AUTH: "proxy", HEALTHDECK_TRUSTED_PROXIES: "10.0.0.5", HEALTHDECK_ADMIN_GROUPS: "ops", HEALTHDECK_ACCOUNT_GROUPS: "team-a=111111111111|333333333333" };
const OIDC_ENV = {
  HEALTHDECK_AUTH: "oidc",
  HEALTHDECK_OIDC_ISSUER: "https://login.example.test",
  HEALTHDECK_OIDC_CLIENT_ID: "healthdeck",
  HEALTHDECK_SESSION_SECRET: SECRET,
  HEALTHDECK_PUBLIC_URL: "https://healthdeck.example.test",
  HEALTHDECK_VIEWER_GROUPS: "everyone",
  HEALTHDECK_SESSION_IDLE_MINUTES: "30",
  HEALTHDECK_SESSION_MAX_HOURS: "8",
};

describe("HEALTHDECK_AUTH=none", () => {
  it("makes a loopback client the local admin and refuses any other address", async () => {
    const context = contextFor({});
    const local = await authorizeHeaders(headers({ [PEER_ADDRESS_HEADER]: "127.0.0.1" }), "admin", context);
    expect(local.ok && local.principal.kind).toBe("local");
    const remote = await authorizeHeaders(headers({ [PEER_ADDRESS_HEADER]: "192.168.1.20" }), "read-status", context);
    expect(remote).toMatchObject({ ok: false, status: 403 });
  });
});

describe("HEALTHDECK_AUTH=proxy", () => {
  it("trusts the identity header only from a trusted proxy address", async () => {
    const context = contextFor(PROXY_ENV);
    const viaProxy = await authorizeHeaders(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-email": "bob@example.test", "x-forwarded-groups": "team-a" }), "read-account", context);
    expect(viaProxy.ok && viaProxy.principal).toMatchObject({ kind: "user", name: "bob@example.test", role: "viewer", accounts: ["111111111111", "333333333333"] });
    const forged = await authorizeHeaders(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.9", "x-forwarded-email": "bob@example.test", "x-forwarded-groups": "ops" }), "read-account", context);
    expect(forged).toMatchObject({ ok: false, status: 401 });
    const admin = await authorizeHeaders(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-email": "ann@example.test", "x-forwarded-groups": "ops,team-a" }), "admin", context);
    expect(admin.ok && admin.principal.accounts).toBe("all");
    const unmapped = await authorizeHeaders(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-email": "eve@example.test", "x-forwarded-groups": "sales" }), "read-status", context);
    expect(unmapped).toMatchObject({ ok: false, status: 403 });
  });

  it("lets anonymous visitors read the public board only while it is open", async () => {
    expect((await authorizeHeaders(headers({}), "read-status", contextFor(PROXY_ENV))).ok).toBe(true);
    expect(await authorizeHeaders(headers({}), "read-account", contextFor(PROXY_ENV))).toMatchObject({ ok: false, status: 401 });
    expect(await authorizeHeaders(headers({}), "read-status", contextFor({ ...PROXY_ENV, HEALTHDECK_PUBLIC_BOARD: "private" }))).toMatchObject({ ok: false, status: 401 });
  });
});

describe("sessions", () => {
  const session = async (context: AuthContext, signedInAt: number, seenAt: number) =>
    `healthdeck-session=${await sealSession(context, { sub: "u1", name: "bob", groups: ["everyone"], signedInAt, seenAt })}`.replace("healthdeck-session", "__Host-healthdeck-session");

  it("holds within the idle and absolute limits and lapses past either", async () => {
    const context = contextFor(OIDC_ENV);
    const fresh = await authorizeHeaders(headers({ cookie: await session(context, clock.now - 3_600_000, clock.now - 60_000) }), "read-account", context);
    expect(fresh.ok && fresh.principal.name).toBe("bob");
    const idle = await authorizeHeaders(headers({ cookie: await session(context, clock.now - 3_600_000, clock.now - 31 * 60_000) }), "read-account", context);
    expect(idle).toMatchObject({ ok: false, status: 401 });
    const old = await authorizeHeaders(headers({ cookie: await session(context, clock.now - 9 * 3_600_000, clock.now - 60_000) }), "read-account", context);
    expect(old).toMatchObject({ ok: false, status: 401 });
  });

  it("keeps a session across a secret rotation and drops it once the old secret is gone", async () => {
    const before = await session(contextFor(OIDC_ENV), clock.now - 60_000, clock.now - 60_000);
    const rotated = contextFor({ ...OIDC_ENV, HEALTHDECK_SESSION_SECRET: `new-secret-0123456789abcdef0123456789abcdef ${SECRET}` });
    expect((await authorizeHeaders(headers({ cookie: before }), "read-account", rotated)).ok).toBe(true);
    const dropped = contextFor({ ...OIDC_ENV, HEALTHDECK_SESSION_SECRET: "new-secret-0123456789abcdef0123456789abcdef" });
    expect((await authorizeHeaders(headers({ cookie: before }), "read-account", dropped)).ok).toBe(false);
  });
});

describe("API tokens", () => {
  it("grant their scopes only, until they expire or are revoked, and record their last use", async () => {
    const context = contextFor(OIDC_ENV);
    const { record, secret } = await createApiToken(context, { name: "ci", scopes: ["read-status", "read-account"], accounts: ["111111111111"], expiresInDays: 1 }, "alice", "127.0.0.1");
    const bearer = headers({ authorization: `Bearer ${secret}`, [PEER_ADDRESS_HEADER]: "10.1.2.3" });
    const used = await authorizeHeaders(bearer, "read-account", context);
    expect(used.ok && used.principal).toMatchObject({ kind: "api-token", name: "ci", accounts: ["111111111111"] });
    expect(await authorizeHeaders(bearer, "admin", context)).toMatchObject({ ok: false, status: 403 });
    await expect.poll(async () => (await store.authTokens.getById(record.id))?.lastUsedAddress).toBe("10.1.2.3");
    expect((await store.authTokens.findBySecretHash(secret))).toBeNull();

    clock.now += 2 * 86_400_000;
    expect(await authorizeHeaders(bearer, "read-status", context)).toMatchObject({ ok: false, status: 401, error: "this token has expired" });
    clock.now -= 2 * 86_400_000;
    await revokeToken(context, record.id, "alice", null);
    expect(await authorizeHeaders(bearer, "read-status", context)).toMatchObject({ ok: false, status: 401, error: "this token was revoked" });
    const actions = (await store.audit.list({ before: null, limit: 10 })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["token-created", "token-used", "token-revoked"]));
  });

  it("may come as a query token (feed readers send no headers), and a header token goes first", async () => {
    const context = contextFor(OIDC_ENV);
    const feeds = await createApiToken(context, { name: "reader", scopes: ["feeds"], accounts: [], expiresInDays: 1 }, "alice", null);
    const status = await createApiToken(context, { name: "status", scopes: ["read-status"], accounts: [], expiresInDays: 1 }, "alice", null);
    const byQuery = await authorizeHeaders(headers({}), "feeds", context, { queryToken: feeds.secret });
    expect(byQuery.ok && byQuery.principal).toMatchObject({ kind: "api-token", name: "reader" });
    expect(await authorizeHeaders(headers({}), "feeds", context, { queryToken: null })).toMatchObject({ ok: false, status: 401 });
    expect(await authorizeHeaders(headers({}), "feeds", context, { queryToken: "hda_not-a-token" })).toMatchObject({ ok: false, status: 401, error: "unknown token" });
    const both = await authorizeHeaders(headers({ authorization: `Bearer ${status.secret}` }), "feeds", context, { queryToken: feeds.secret });
    expect(both).toMatchObject({ ok: false, status: 403 });
  });
});

describe("display tokens", () => {
  it("read the accounts of their saved view from a cookie, and nothing once revoked", async () => {
    const context = contextFor(OIDC_ENV);
    const { record, secret } = await createDisplayToken(context, { name: "wall", viewPath: "/noc?account=111111111111&region=eu-west-1", expiresInDays: 0 }, "alice", null);
    const cookie = headers({ cookie: `__Host-healthdeck-display=${secret}` });
    const screen = await authorizeHeaders(cookie, "read-account", context);
    expect(screen.ok && screen.principal).toMatchObject({ kind: "display", accounts: ["111111111111"] });
    expect(await authorizeHeaders(cookie, "admin", context)).toMatchObject({ ok: false, status: 403 });
    await revokeToken(context, record.id, "alice", null);
    expect(await authorizeHeaders(cookie, "read-account", context)).toMatchObject({ ok: false, status: 401 });
  });
});
