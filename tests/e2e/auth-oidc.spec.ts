import { rm } from "node:fs/promises";
import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { E2E_PORT_OFFSET } from "../../playwright.config";
import { startE2eApp, type E2eApp } from "../support/start-e2e-app";
import { startOidcProvider, type TestOidcProvider } from "../support/start-oidc-provider";
import { deriveAccountEventId } from "../../lib/server/domain/derive-record-ids";
import { buildHealthEvent, INGEST_TOKEN } from "./health-event";
import { signInAtProvider } from "./oidc-sign-in";

/**
 * HEALTHDECK_AUTH=oidc end to end: an app of its own (same build and simulator) signs in against a real OpenID
 * Connect provider on loopback, in Chromium. Alice is an admin, Bob a viewer limited to one account, Carol in no
 * mapped group.
 */
test.describe.configure({ mode: "serial" });

const PORT = 3104 + E2E_PORT_OFFSET;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA_DIR = "reports/e2e-auth-data";
const OWN_ACCOUNT = "123456789012";
const OTHER_ACCOUNT = "210987654321";
const OTHER_ARN = "arn:aws:health:eu-west-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_E2E_OTHER";
const GROUPS: Record<string, string[]> = { alice: ["hd-admins"], bob: ["team-a"], carol: ["marketing"] };

let provider: TestOidcProvider;
let app: E2eApp | null = null;

async function startApp(issuer: string): Promise<void> {
  app = await startE2eApp({
    port: 3104,
    dataDir: DATA_DIR,
    env: {
      HEALTHDECK_AUTH: "oidc",
      HEALTHDECK_OIDC_ISSUER: issuer,
      HEALTHDECK_OIDC_CLIENT_ID: "healthdeck",
      HEALTHDECK_OIDC_CLIENT_SECRET: "healthdeck-e2e-client-secret",
      HEALTHDECK_OIDC_SCOPES: "openid email groups",
      HEALTHDECK_SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
      HEALTHDECK_PUBLIC_URL: ORIGIN,
      HEALTHDECK_ADMIN_GROUPS: "hd-admins",
      HEALTHDECK_ACCOUNT_GROUPS: `team-a=${OWN_ACCOUNT}`,
      HEALTHDECK_PUBLIC_BOARD: "open",
    },
  });
}

test.beforeAll(async () => {
  await rm(DATA_DIR, { recursive: true, force: true });
  provider = await startOidcProvider({
    clientId: "healthdeck",
    clientSecret: "healthdeck-e2e-client-secret",
    redirectUris: [`${ORIGIN}/auth/callback`],
    postLogoutRedirectUris: [`${ORIGIN}/auth/signed-out`],
    groupsOf: (login) => GROUPS[login] ?? [],
  });
  await startApp(provider.issuer);
  // An event of an account outside Bob's group, pushed as EventBridge would.
  const api = await playwrightRequest.newContext({ baseURL: ORIGIN });
  const pushed = await api.post("/api/v1/ingest/eventbridge", {
    headers: { "X-Healthdeck-Token": INGEST_TOKEN },
    data: buildHealthEvent({
      account: OTHER_ACCOUNT,
      arn: OTHER_ARN,
      service: "EC2",
      code: "AWS_EC2_OPERATIONAL_ISSUE",
      category: "issue",
      status: "open",
      region: "eu-west-1",
      description: "Another account's issue.",
      communicationId: "auth-e2e-other",
      startMs: Date.now() - 3_600_000,
      entities: [{ entityValue: "i-0other", status: "IMPAIRED" }],
    }),
  });
  expect(pushed.status(), await pushed.text()).toBe(200);
  await api.dispose();
});

test.afterAll(async () => {
  await app?.stop();
  await provider?.close();
});

/** The provider's own login and consent pages, as a person fills them in. */
async function signIn(page: Page, login: string, path = "/account"): Promise<void> {
  await signInAtProvider(page, { origin: ORIGIN, issuer: provider.issuer, login, path });
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("a page without a session sends the browser to the provider; the API answers 401", async ({ browser }) => {
  const page = await newPage(browser);
  const api = await page.request.get(`${ORIGIN}/api/v1/account/events`);
  expect(api.status()).toBe(401);
  await page.goto(`${ORIGIN}/account`);
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
  await page.context().close();
});

test("an admin signs in, sees every account, gets health details, and signs out at the provider", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, "alice");
  await expect(page).toHaveURL(`${ORIGIN}/account`);
  await expect(page.locator("[data-signed-in-as]")).toContainText("alice");
  const events = await page.request.get(`${ORIGIN}/api/v1/account/events`);
  expect(await events.text()).toContain(OTHER_ACCOUNT);
  expect(await (await page.request.get(`${ORIGIN}/api/v1/health`)).json()).toHaveProperty("sources");
  const cookie = (await page.context().cookies()).find((entry) => entry.name === "healthdeck-session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  // The admin pages are in the site navigation, reached with the keyboard: Tab from the last main link, then Enter.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("list", { name: "Admin" }).getByRole("link")).toHaveText(["Notifications", "Displays", "API tokens", "Audit log"]);
  await nav.getByRole("link", { name: "Your accounts" }).focus();
  for (const label of ["Notifications", "Displays", "API tokens", "Audit log"]) {
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: label })).toBeFocused();
  }
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${ORIGIN}/admin/audit`);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
  // oidc-provider asks whether to end its own session too.
  await page.getByRole("button", { name: /yes/i }).click();
  await expect(page).toHaveURL(`${ORIGIN}/auth/signed-out`);
  expect((await page.request.get(`${ORIGIN}/api/v1/account/events`)).status()).toBe(401);
  await page.context().close();
});

test("a viewer limited to one account never sees another account's id: pages, API, stream, CSV, banner", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, "bob");
  await expect(page).toHaveURL(`${ORIGIN}/account`);
  for (const path of ["/account", "/account/events", "/", "/noc"]) {
    await page.goto(`${ORIGIN}${path}`);
    expect(await page.content(), path).not.toContain(OTHER_ACCOUNT);
  }
  // The server leaves the admin links out of a viewer's page altogether (not merely hidden).
  await page.goto(`${ORIGIN}/account`);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your accounts" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Admin" })).toHaveCount(0);
  for (const href of ["/notifications", "/admin/displays", "/admin/tokens", "/admin/audit"]) expect(await page.content()).not.toContain(`href="${href}"`);
  const events = await page.request.get(`${ORIGIN}/api/v1/account/events`);
  expect(events.status()).toBe(200);
  expect(await events.text()).not.toContain(OTHER_ACCOUNT);
  const changes = await page.request.get(`${ORIGIN}/api/v1/changes?after=0&limit=500`);
  expect(await changes.text()).not.toContain(OTHER_ACCOUNT);
  const streamed = await page.evaluate(async () => {
    const controller = new AbortController();
    const response = await fetch("/api/v1/stream", { signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: snapshot")) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    controller.abort();
    return text;
  });
  expect(streamed).toContain("event: snapshot");
  expect(streamed).not.toContain(OTHER_ACCOUNT);
  // The other account's event, asked for by its id (as if guessed): the same 404 as an unknown event, CSV too.
  const foreignId = deriveAccountEventId(OTHER_ARN, OTHER_ACCOUNT);
  expect((await page.request.get(`${ORIGIN}/api/v1/account/events/${foreignId}`)).status()).toBe(404);
  expect((await page.request.get(`${ORIGIN}/api/v1/account/events/${foreignId}/entities?format=csv`)).status()).toBe(404);
  expect((await page.goto(`${ORIGIN}/events/${foreignId}`))?.status()).toBe(404);
  await page.context().close();
});

test("a user in no mapped group is refused with 403", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(`${ORIGIN}/auth/sign-in?next=/account`);
  await page.locator('input[name="login"]').fill("carol");
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  const refusal = page.waitForResponse((response) => response.url().startsWith(`${ORIGIN}/auth/callback`));
  if (await consent.isVisible({ timeout: 5000 }).catch(() => false)) await consent.click();
  expect((await refusal).status()).toBe(403);
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await page.context().close();
});

test("a tampered session cookie is no session", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, "alice");
  await expect(page).toHaveURL(`${ORIGIN}/account`);
  const context = page.context();
  const cookie = (await context.cookies()).find((entry) => entry.name === "healthdeck-session")!;
  const tampered = `${cookie.value.slice(0, 60)}${cookie.value[60] === "A" ? "B" : "A"}${cookie.value.slice(61)}`;
  await context.addCookies([{ ...cookie, value: tampered }]);
  expect((await page.request.get(`${ORIGIN}/api/v1/account/events`)).status()).toBe(401);
  await context.close();
});

test("a display link opens the wall without the token in the address, and revoking it cuts the wall off", async ({ browser }) => {
  const admin = await newPage(browser);
  await signIn(admin, "alice", "/admin/displays");
  await expect(admin).toHaveURL(`${ORIGIN}/admin/displays`);
  await admin.locator('input[name="name"]').fill("Lobby wall");
  await admin.locator('input[name="viewPath"]').fill(`/noc?account=${OWN_ACCOUNT}`);
  await admin.getByRole("button", { name: "Create display link" }).click();
  const secret = (await admin.locator("[data-token-secret]").textContent())!.trim();
  expect(secret).toMatch(/^hdd_/);

  const wall = await newPage(browser);
  await wall.goto(`${ORIGIN}/d/${secret}`);
  await expect(wall).toHaveURL(`${ORIGIN}/noc?account=${OWN_ACCOUNT}`);
  expect(wall.url()).not.toContain(secret);
  expect((await wall.request.get(`${ORIGIN}/api/v1/account/events`)).status()).toBe(200);
  expect(await wall.content()).not.toContain(OTHER_ACCOUNT);

  await admin.goto(`${ORIGIN}/admin/displays`);
  await expect(admin.locator("tr", { hasText: "Lobby wall" })).toContainText("127.0.0.1");
  await admin.getByRole("button", { name: "Revoke Lobby wall" }).click();
  await expect(admin.locator("tr", { hasText: "Lobby wall" })).toContainText("revoked");
  expect((await wall.request.get(`${ORIGIN}/api/v1/account/events`)).status()).toBe(401);
  await admin.goto(`${ORIGIN}/admin/audit`);
  await expect(admin.locator('[data-audit-action="token-revoked"]')).toHaveCount(1);
  await admin.context().close();
  await wall.context().close();
});
