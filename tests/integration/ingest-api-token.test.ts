import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSampleText } from "@/tests/fixtures/account-health/eventbridge-samples";
import { INGEST_TOKEN, INGEST_URL } from "@/tests/fixtures/account-health/ingest-test-kit";

/** API tokens on the ingest route: the `ingest` scope admits a push, other scopes and revoked tokens do not. */
type RouteModule = typeof import("@/app/api/v1/ingest/eventbridge/route");
type AuthModule = typeof import("@/lib/server/auth/authorize");
type TokensModule = typeof import("@/lib/server/auth/manage-tokens");
type RuntimeModule = typeof import("@/lib/server/runtime/get-runtime");

const dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-ingest-token-"));
let route: RouteModule;
let auth: AuthModule;
let tokens: TokensModule;
let runtimeModule: RuntimeModule;
const SETTINGS = {
  HEALTHDECK_DATA_DIR: dataDir,
  HEALTHDECK_INGEST_TOKEN: INGEST_TOKEN,
  HEALTHDECK_POLLER: "off",
  HEALTHDECK_AUTH: "proxy",
  HEALTHDECK_TRUSTED_PROXIES: "10.0.0.5",
  HEALTHDECK_ADMIN_GROUPS: "ops",
};

beforeAll(async () => {
  Object.assign(process.env, SETTINGS);
  route = await import("@/app/api/v1/ingest/eventbridge/route");
  auth = await import("@/lib/server/auth/authorize");
  tokens = await import("@/lib/server/auth/manage-tokens");
  runtimeModule = await import("@/lib/server/runtime/get-runtime");
});

afterAll(async () => {
  await runtimeModule.getRuntime().close();
  const holder = globalThis as Record<symbol, unknown>;
  delete holder[Symbol.for("healthdeck.runtime")];
  delete holder[Symbol.for("healthdeck.config")];
  for (const name of Object.keys(SETTINGS)) delete process.env[name];
  rmSync(dataDir, { recursive: true, force: true });
});

const push = (token: string) =>
  route.POST(new Request(INGEST_URL, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: readSampleText("lambdaPage1of10") }));

describe("POST /api/v1/ingest/eventbridge with an API token", () => {
  it("stores a push sent with an ingest-scoped token, refuses other scopes with 403 and a revoked token with 401", async () => {
    const context = auth.getAuthContext();
    const ingest = await tokens.createApiToken(context, { name: "pusher", scopes: ["ingest"], accounts: [], expiresInDays: 0 }, "ops-admin", null);
    const reader = await tokens.createApiToken(context, { name: "reader", scopes: ["read-status"], accounts: [], expiresInDays: 0 }, "ops-admin", null);
    expect((await push(ingest.secret)).status).toBe(200);
    expect((await push(reader.secret)).status).toBe(403);
    await tokens.revokeToken(context, ingest.record.id, "ops-admin", null);
    expect((await push(ingest.secret)).status).toBe(401);
    expect((await push("not-a-token-but-not-the-secret")).status).toBe(401);
  }, 30_000);
});
