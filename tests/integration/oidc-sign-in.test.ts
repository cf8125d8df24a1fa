import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEventsResponseSchema } from "@/lib/shared/account-health-contract";
import { deriveAccountEventId } from "@/lib/server/domain/derive-record-ids";
import { getOidcConfiguration } from "@/lib/server/auth/oidc-client";
import { accountEvent, EVENT_ARN, T0 } from "@/lib/server/store/store-contract-fixtures";
import { startOidcProvider, type TestOidcProvider } from "@/tests/support/start-oidc-provider";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

/**
 * Sign-in against a real OpenID Connect provider (oidc-provider on loopback): the app's own sign-in and callback
 * handlers, the provider's real login and consent pages walked over HTTP, then the session cookie on account routes.
 */
const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
const PUBLIC_URL = "http://127.0.0.1:9";
const ACCOUNT_A = "111111111111";
const ACCOUNT_B = "222222222222";
const GROUPS: Record<string, string[]> = { alice: ["hd-admins"], bob: ["team-a"], carol: ["marketing"] };

let provider: TestOidcProvider;
let stack: PublicStack;
let routes: {
  signIn: typeof import("@/app/auth/sign-in/route");
  callback: typeof import("@/app/auth/callback/route");
  signOut: typeof import("@/app/auth/sign-out/route");
  events: typeof import("@/app/api/v1/account/events/route");
  event: typeof import("@/app/api/v1/account/events/[id]/route");
  health: typeof import("@/app/api/v1/health/route");
};

beforeAll(async () => {
  provider = await startOidcProvider({
    clientId: "healthdeck",
    clientSecret: "healthdeck-test-client-secret",
    redirectUris: [`${PUBLIC_URL}/auth/callback`],
    postLogoutRedirectUris: [`${PUBLIC_URL}/auth/signed-out`],
    groupsOf: (login) => GROUPS[login] ?? [],
  });
  stack = await startPublicStack({
    scenario: INCIDENT_SCENARIO,
    env: {
      HEALTHDECK_AUTH: "oidc",
      HEALTHDECK_OIDC_ISSUER: provider.issuer,
      HEALTHDECK_OIDC_CLIENT_ID: "healthdeck",
      HEALTHDECK_OIDC_CLIENT_SECRET: "healthdeck-test-client-secret",
      HEALTHDECK_OIDC_SCOPES: "openid email groups",
      HEALTHDECK_SESSION_SECRET: "session-secret-0123456789abcdef0123456789abcdef",
      HEALTHDECK_PUBLIC_URL: PUBLIC_URL,
      HEALTHDECK_ADMIN_GROUPS: "hd-admins",
      HEALTHDECK_ACCOUNT_GROUPS: `team-a=${ACCOUNT_A}`,
      HEALTHDECK_PUBLIC_BOARD: "open",
    },
  });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  await stack.runtime.store.write(async (tx) => {
    await tx.accountEvents.upsertEvent(accountEvent({ accountId: ACCOUNT_A }), T0);
    await tx.accountEvents.upsertEvent(accountEvent({ accountId: ACCOUNT_B }), T0);
  });
  routes = {
    signIn: await import("@/app/auth/sign-in/route"),
    callback: await import("@/app/auth/callback/route"),
    signOut: await import("@/app/auth/sign-out/route"),
    events: await import("@/app/api/v1/account/events/route"),
    event: await import("@/app/api/v1/account/events/[id]/route"),
    health: await import("@/app/api/v1/health/route"),
  };
}, 60_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await stack?.close();
  await provider?.close();
});

/** The provider's side as a browser walks it: redirects followed by hand, its cookies kept, its forms posted. */
async function walkProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const separator = pair!.indexOf("=");
      jar.set(pair!.slice(0, separator), pair!.slice(separator + 1));
    }
    return response;
  };
  let url = authorizationUrl;
  for (let step = 0; step < 12; step += 1) {
    if (url.startsWith(PUBLIC_URL)) return url;
    const response = await send(url);
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider's page: ${html.slice(0, 200)}`);
    const form: Record<string, string> = html.includes('name="login"') ? { prompt: "login", login, password: "any" } : { prompt: "consent" };
    const posted = await send(new URL(action, url).href, { method: "POST", body: new URLSearchParams(form), headers: { "content-type": "application/x-www-form-urlencoded" } });
    url = new URL(posted.headers.get("location") ?? "", url).href;
  }
  throw new Error("the provider never sent the browser back");
}

const cookiePair = (response: Response, name: string) => response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`))?.split(";")[0] ?? null;

async function signIn(login: string): Promise<{ callback: Response; session: string | null }> {
  const started = await routes.signIn.GET(new Request(`${PUBLIC_URL}/auth/sign-in?next=/account`));
  expect(started.status).toBe(303);
  const loginCookie = cookiePair(started, "healthdeck-login");
  expect(loginCookie).not.toBeNull();
  const authorizationUrl = new URL(started.headers.get("location")!);
  expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorizationUrl.searchParams.get("state")).toBeTruthy();
  expect(authorizationUrl.searchParams.get("nonce")).toBeTruthy();
  const back = await walkProvider(authorizationUrl.href, login);
  const callback = await routes.callback.GET(new Request(back, { headers: { cookie: loginCookie! } }));
  return { callback, session: cookiePair(callback, "healthdeck-session") };
}

const get = (path: string, cookie: string | null) => new Request(`${PUBLIC_URL}${path}`, { headers: cookie ? { cookie } : {} });
const readEvents = async (response: Response) => accountEventsResponseSchema.parse(await response.json()).events;

describe("sign-in with a real OpenID Connect provider", () => {
  it("signs an admin in with PKCE, and the session cookie reads every account", async () => {
    const { callback, session } = await signIn("alice");
    expect(callback.status).toBe(303);
    expect(callback.headers.get("location")).toBe(`${PUBLIC_URL}/account`);
    const setCookie = callback.headers.getSetCookie().find((cookie) => cookie.startsWith("healthdeck-session="))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const events = await readEvents(await routes.events.GET(get("/api/v1/account/events", session)));
    expect(events.map((event) => event.accountId).sort()).toEqual([ACCOUNT_A, ACCOUNT_B]);
    const health = await (await routes.health.GET(get("/api/v1/health", session))).json();
    expect(health).toHaveProperty("sources");
  }, 30_000);

  it("limits a viewer in an account group to that account: the other account's event is 404, its id nowhere", async () => {
    const { callback, session } = await signIn("bob");
    expect(callback.status).toBe(303);
    const response = await routes.events.GET(get("/api/v1/account/events", session));
    const body = await response.text();
    expect(body).toContain(ACCOUNT_A);
    expect(body).not.toContain(ACCOUNT_B);
    const asked = await routes.events.GET(get(`/api/v1/account/events?account=${ACCOUNT_B}`, session));
    expect(await readEvents(asked)).toEqual([]);
    const foreignId = deriveAccountEventId(EVENT_ARN, ACCOUNT_B);
    const foreign = await routes.event.GET(get(`/api/v1/account/events/${foreignId}`, session), { params: Promise.resolve({ id: foreignId }) });
    expect(foreign.status).toBe(404);
    const ownId = deriveAccountEventId(EVENT_ARN, ACCOUNT_A);
    const own = await routes.event.GET(get(`/api/v1/account/events/${ownId}`, session), { params: Promise.resolve({ id: ownId }) });
    expect(own.status).toBe(200);
    // A viewer gets the load balancer's answer only: no source details.
    expect(Object.keys(await (await routes.health.GET(get("/api/v1/health", session))).json()).sort()).toEqual(["role", "status"]);
  }, 30_000);

  it("refuses a user none of whose groups is mapped with 403, and sets no session", async () => {
    const { callback, session } = await signIn("carol");
    expect(callback.status).toBe(403);
    expect(session).toBeNull();
    const audit = await stack.runtime.store.audit.list({ before: null, limit: 5 });
    expect(audit.some((entry) => entry.action === "sign-in-failed" && entry.actor.startsWith("carol"))).toBe(true);
  }, 30_000);

  it("answers 401 without a session, and after a tampered cookie", async () => {
    expect((await routes.events.GET(get("/api/v1/account/events", null))).status).toBe(401);
    const { session } = await signIn("alice");
    const [name, value] = session!.split("=");
    const flipped = `${name}=${value!.slice(0, 40)}${value![40] === "A" ? "B" : "A"}${value!.slice(41)}`;
    expect((await routes.events.GET(get("/api/v1/account/events", flipped))).status).toBe(401);
  }, 30_000);

  it("refuses a callback whose state was not issued to this browser", async () => {
    const first = await routes.signIn.GET(new Request(`${PUBLIC_URL}/auth/sign-in?next=/`));
    const second = await routes.signIn.GET(new Request(`${PUBLIC_URL}/auth/sign-in?next=/`));
    const back = await walkProvider(first.headers.get("location")!, "alice");
    // The second sign-in's cookie (other state, nonce and PKCE verifier) with the first one's code.
    const callback = await routes.callback.GET(new Request(back, { headers: { cookie: cookiePair(second, "healthdeck-login")! } }));
    expect(callback.status).toBe(400);
    expect(cookiePair(callback, "healthdeck-session")).toBeNull();
  }, 30_000);

  it("signs out through the provider's end-session endpoint", async () => {
    const { session } = await signIn("alice");
    const response = await routes.signOut.POST(new Request(`${PUBLIC_URL}/auth/sign-out`, { method: "POST", headers: { cookie: session! } }));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get("post_logout_redirect_uri")).toBe(`${PUBLIC_URL}/auth/signed-out`);
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith("healthdeck-session=;") && cookie.includes("Max-Age=0"))).toBe(true);
  }, 30_000);

  it("refuses a provider whose discovery names another issuer", async () => {
    const wrong = provider.issuer.replace("127.0.0.1", "localhost");
    await expect(getOidcConfiguration({ HEALTHDECK_OIDC_ISSUER: wrong, HEALTHDECK_OIDC_CLIENT_ID: "healthdeck", HEALTHDECK_OIDC_CLIENT_SECRET: "x", HEALTHDECK_OIDC_SCOPES: "openid", HEALTHDECK_PUBLIC_URL: PUBLIC_URL })).rejects.toThrow(/issuer/i);
  }, 30_000);
});
