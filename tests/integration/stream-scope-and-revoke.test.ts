import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuthContext } from "@/lib/server/auth/authorize";
import { createDisplayToken, revokeToken } from "@/lib/server/auth/manage-tokens";
import { closeStreamHub } from "@/lib/server/hub/get-stream-hub";
import { accountEvent, T0 } from "@/lib/server/store/store-contract-fixtures";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

/** The stream route as a wall sees it: its snapshot holds only its accounts, and revoking its token ends it. */
const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const HUB_KEY = Symbol.for("healthdeck.stream-hub");
const PUBLIC_URL = "http://127.0.0.1:9";
const ACCOUNT_A = "111111111111";
const ACCOUNT_B = "222222222222";

let stack: PublicStack;
let stream: typeof import("@/app/api/v1/stream/route");

beforeAll(async () => {
  stack = await startPublicStack({
    scenario: INCIDENT_SCENARIO,
    env: {
      HEALTHDECK_AUTH: "oidc",
      HEALTHDECK_OIDC_ISSUER: "http://127.0.0.1:9/issuer",
      HEALTHDECK_OIDC_CLIENT_ID: "healthdeck",
      HEALTHDECK_SESSION_SECRET: "session-secret-0123456789abcdef0123456789abcdef",
      HEALTHDECK_PUBLIC_URL: PUBLIC_URL,
      HEALTHDECK_ADMIN_GROUPS: "ops",
    },
  });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  await stack.pollAll();
  await stack.runtime.store.write(async (tx) => {
    await tx.accountEvents.upsertEvent(accountEvent({ accountId: ACCOUNT_A }), T0);
    await tx.accountEvents.upsertEvent(accountEvent({ accountId: ACCOUNT_B }), T0);
  });
  stream = await import("@/app/api/v1/stream/route");
}, 60_000);

afterAll(async () => {
  closeStreamHub();
  delete (globalThis as Record<symbol, unknown>)[HUB_KEY];
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await stack?.close();
});

/** Reads the stream until `until` matches what arrived, or it ends; returns the text and whether it ended. */
async function readStream(response: Response, until: (text: string) => boolean, timeoutMs: number): Promise<{ text: string; ended: boolean }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))]);
    if (next === null) break;
    if (next.done) return { text, ended: true };
    text += decoder.decode(next.value, { stream: true });
    if (until(text)) {
      reader.releaseLock();
      return { text, ended: false };
    }
  }
  return { text, ended: false };
}

describe("the stream route under authorization", () => {
  it("gives an anonymous visitor of the open board the public board and no account id", async () => {
    const response = await stream.GET(new Request(`${PUBLIC_URL}/api/v1/stream`));
    expect(response.status).toBe(200);
    const { text } = await readStream(response, (received) => received.includes("event: snapshot"), 15_000);
    expect(text).toContain("event: snapshot");
    expect(text).not.toContain(ACCOUNT_A);
    expect(text).not.toContain(ACCOUNT_B);
    await response.body?.cancel().catch(() => undefined);
  }, 30_000);

  it("sends a display only its view's accounts, and ends its stream within seconds of a revoke", async () => {
    const context = getAuthContext();
    const { record, secret } = await createDisplayToken(context, { name: "wall", viewPath: `/noc?account=${ACCOUNT_A}`, expiresInDays: 0 }, "alice", null);
    // The wall's page asks for every account; the server narrows it to the token's.
    const response = await stream.GET(new Request(`${PUBLIC_URL}/api/v1/stream`, { headers: { cookie: `healthdeck-display=${secret}` } }));
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: snapshot")) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(text).toContain(ACCOUNT_A);
    expect(text).not.toContain(ACCOUNT_B);

    await revokeToken(context, record.id, "alice", null);
    const revokedAt = Date.now();
    const ended = await Promise.race([
      (async () => {
        for (;;) if ((await reader.read()).done) return true;
      })(),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 15_000)),
    ]);
    expect(ended).toBe(true);
    expect(Date.now() - revokedAt).toBeLessThan(10_000);
    const again = await stream.GET(new Request(`${PUBLIC_URL}/api/v1/stream`, { headers: { cookie: `healthdeck-display=${secret}` } }));
    const { text: after } = await readStream(again, (received) => received.includes("event: snapshot"), 15_000);
    expect(after).not.toContain(ACCOUNT_A);
    await again.body?.cancel().catch(() => undefined);
  }, 60_000);
});
