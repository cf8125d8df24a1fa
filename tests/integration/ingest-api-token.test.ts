import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSample, readSampleText, type SampleEvent } from "@/tests/fixtures/account-health/eventbridge-samples";
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

const pushJson = (token: string, body: unknown) =>
  route.POST(new Request(INGEST_URL, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: JSON.stringify(body) }));

function retirementFor(account: string, id: string): SampleEvent {
  const event = readSample("instanceRetirement");
  return { ...event, id, account, detail: { ...event.detail, affectedAccount: account, eventArn: `arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/${id}` } };
}

describe("an ingest token limited to accounts", () => {
  it("stores its own accounts' events and rejects each other account's event by position, with the reason", async () => {
    const context = auth.getAuthContext();
    const limited = await tokens.createApiToken(context, { name: "team-a pusher", scopes: ["ingest"], accounts: ["111111111111"], expiresInDays: 0 }, "ops-admin", null);
    const open = await tokens.createApiToken(context, { name: "any pusher", scopes: ["ingest"], accounts: [], expiresInDays: 0 }, "ops-admin", null);
    const own = retirementFor("111111111111", "limit-own-1");
    const foreign = retirementFor("222222222222", "limit-foreign-1");

    const mixed = await pushJson(limited.secret, [own, foreign, { not: "an event" }]);
    expect(mixed.status).toBe(200);
    const answer = (await mixed.json()) as { accepted: number; results: { index: number; accountId: string }[]; rejected: { index: number; error: string }[] };
    expect(answer.accepted).toBe(1);
    expect(answer.results.map((result) => [result.index, result.accountId])).toEqual([[0, "111111111111"]]);
    expect(answer.rejected.map((item) => item.index)).toEqual([1, 2]);
    expect(answer.rejected[0]?.error).toContain("may ingest only its own accounts, and this event is for account 222222222222");

    const onlyForeign = await pushJson(limited.secret, [foreign]);
    expect(onlyForeign.status).toBe(403);
    expect(((await onlyForeign.json()) as { error: string }).error).toContain("events[0]: not stored");

    // The foreign event was never written: the unlimited token's push of it is new, not a duplicate.
    const byOpen = (await (await pushJson(open.secret, [own, foreign])).json()) as { results: { outcome: string }[] };
    expect(byOpen.results.map((result) => result.outcome)).toEqual(["duplicate", "stored"]);
  }, 30_000);
});
