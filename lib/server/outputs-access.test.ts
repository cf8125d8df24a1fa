import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createAuthContext, type AuthContext } from "@/lib/server/auth/auth-context";
import { createApiToken } from "@/lib/server/auth/manage-tokens";
import { createHealthdeckStore, type HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";
import { checkOutputsAccess, type OutputCredentials } from "@/lib/server/outputs-access";

const TOKEN = "0123456789abcdef-token";
/** Nobody is let in without credentials in this mode (no proxy sends an identity here). */
const SIGNED_IN_ONLY = { HEALTHDECK_AUTH: "proxy", HEALTHDECK_TRUSTED_PROXIES: "10.9.9.9", HEALTHDECK_ADMIN_GROUPS: "ops", HEALTHDECK_PUBLIC_BOARD: "private" };
let dir: string;
let store: HealthdeckStore;
let context: AuthContext;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "healthdeck-outputs-access-"));
  store = createHealthdeckStore(openSqliteEngine(dir));
  context = createAuthContext({ config: parseConfig({ HEALTHDECK_DATA_DIR: dir, ...SIGNED_IN_ONLY }), store, logger: silentLogger, now: Date.now });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const credentials = (overrides: Partial<OutputCredentials> & { bearer?: string } = {}): OutputCredentials => ({
  headers: new Headers(overrides.bearer ? { authorization: `Bearer ${overrides.bearer}` } : {}),
  queryToken: overrides.queryToken ?? null,
  peerAddress: overrides.peerAddress,
});
const check = (given: OutputCredentials, need: "metrics" | "feeds" = "metrics") => checkOutputsAccess(given, need, { context, staticToken: TOKEN });

describe("checkOutputsAccess", () => {
  it("lets the static token in for every account, and refuses a wrong one", async () => {
    expect(await check(credentials({ bearer: TOKEN }))).toEqual({ denied: null, accounts: "all" });
    expect(await check(credentials({ queryToken: TOKEN }), "feeds")).toEqual({ denied: null, accounts: "all" });
    const denied = (await check(credentials({ bearer: "wrong" }))).denied;
    expect(denied?.status).toBe(401);
    expect(denied?.headers.get("www-authenticate")).toContain("Bearer");
    expect((await checkOutputsAccess(credentials({ bearer: TOKEN }), "metrics", { context, staticToken: undefined })).denied?.status).toBe(401);
  });

  it("lets API tokens in by their scope, with their accounts", async () => {
    const prometheus = await createApiToken(context, { name: "prometheus", scopes: ["metrics"], accounts: ["111111111111"], expiresInDays: 0 }, "test", null);
    const reader = await createApiToken(context, { name: "reader", scopes: ["feeds"], accounts: [], expiresInDays: 0 }, "test", null);
    expect(await check(credentials({ bearer: prometheus.secret, peerAddress: "10.0.0.5" }))).toEqual({ denied: null, accounts: ["111111111111"] });
    expect((await check(credentials({ bearer: reader.secret, peerAddress: "10.0.0.5" }))).denied?.status).toBe(403);
    expect(await check(credentials({ queryToken: reader.secret }), "feeds")).toEqual({ denied: null, accounts: "all" });
  });

  it("opens to a client that sends nothing only when the caller's own socket shows a loopback peer", async () => {
    for (const peer of ["127.0.0.1", "::ffff:127.0.0.1", "::1", "[::1]"]) expect((await check(credentials({ peerAddress: peer }))).denied, peer).toBeNull();
    expect((await check(credentials({ peerAddress: "10.0.0.5" }))).denied?.status).toBe(401);
    expect((await check(credentials({ peerAddress: "::ffff:10.0.0.5" }))).denied?.status).toBe(401);
    // No socket of ours (a route handler): an X-Forwarded-For proves nothing.
    const forwarded = { headers: new Headers({ "x-forwarded-for": "127.0.0.1" }), queryToken: null };
    expect((await check(forwarded)).denied?.status).toBe(401);
    expect((await check(credentials({ bearer: "wrong", peerAddress: "127.0.0.1" }))).denied?.status).toBe(401);
  });
});
