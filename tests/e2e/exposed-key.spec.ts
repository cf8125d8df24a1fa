import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_PORT_OFFSET } from "../../playwright.config";
import { startE2eApp, type E2eApp } from "../support/start-e2e-app";
import { startOidcProvider, type TestOidcProvider } from "../support/start-oidc-provider";
import { buildHealthEvent, INGEST_TOKEN, pushHealthEvents } from "./health-event";
import { signInAtProvider } from "./oidc-sign-in";

/**
 * The exposed-key response end to end: an app of its own (OIDC sign-in, the action on, a security channel, the
 * responder roles), a real OpenID Connect provider (Alice an admin, Bob a viewer of the key's account), the
 * simulator's CloudTrail, IAM and STS, a webhook receiver standing for the security team.
 */
test.describe.configure({ mode: "serial" });

const PORT = 3103 + E2E_PORT_OFFSET;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const HEALTH_API = `http://127.0.0.1:${4101 + E2E_PORT_OFFSET}`;
const DIR = "reports/e2e-exposed-key";
const DATA_DIR = `${DIR}/data`;
const LOG = `${DIR}/app.log`;
const SECRET = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
const KEY = "AKIAIOSFODNN7EXAMPLE";
const ACCOUNT = "123456789012";

const GROUPS: Record<string, string[]> = { alice: ["hd-admins"], bob: ["team-a"] };

let provider: TestOidcProvider;
let app: E2eApp | null = null;
let receiver: Server | null = null;
const received: { id: string; body: string }[] = [];

async function listenReceiver(): Promise<string> {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ id: String(request.headers["webhook-id"]), body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", resolve));
  const address = receiver.address();
  if (address === null || typeof address === "string") throw new Error("receiver not listening");
  return `http://127.0.0.1:${address.port}/security`;
}

async function startApp(notifyFile: string, issuer: string): Promise<void> {
  app = await startE2eApp({
    port: 3103,
    dataDir: DATA_DIR,
    logFile: LOG,
    env: {
      HEALTHDECK_NOTIFY_CONFIG: notifyFile,
      SECURITY_SECRET: SECRET,
      HEALTHDECK_EXPOSED_KEY_ACTIONS: "deactivate",
      HEALTHDECK_RESPONDER_ROLE: "arn:aws:iam::{account}:role/HealthdeckResponder",
      HEALTHDECK_RESPONDER_ACTION_ROLE: "arn:aws:iam::{account}:role/HealthdeckResponderAction",
      AWS_ENDPOINT_URL_STS: HEALTH_API,
      AWS_ENDPOINT_URL_CLOUDTRAIL: `${HEALTH_API}/cloudtrail`,
      AWS_ENDPOINT_URL_IAM: `${HEALTH_API}/iam`,
      AWS_ENDPOINT_URL_EC2: `${HEALTH_API}/ec2`,
      HEALTHDECK_AUTH: "oidc",
      HEALTHDECK_OIDC_ISSUER: issuer,
      HEALTHDECK_OIDC_CLIENT_ID: "healthdeck",
      HEALTHDECK_OIDC_CLIENT_SECRET: "healthdeck-e2e-client-secret",
      HEALTHDECK_OIDC_SCOPES: "openid email groups",
      HEALTHDECK_SESSION_SECRET: "e2e-exposed-key-session-secret-0123456789abcdef",
      HEALTHDECK_PUBLIC_URL: ORIGIN,
      HEALTHDECK_ADMIN_GROUPS: "hd-admins",
      HEALTHDECK_ACCOUNT_GROUPS: `team-a=${ACCOUNT}`,
    },
  });
}

test.beforeAll(async () => {
  await rm(DIR, { recursive: true, force: true });
  await mkdir(DIR, { recursive: true });
  const url = await listenReceiver();
  const notifyFile = path.resolve(DIR, "notify.yaml");
  await writeFile(notifyFile, `channels:\n  - id: security\n    type: webhook\n    url: ${url}\n    secret: \${SECURITY_SECRET}\n    security: true\n`);
  const reset = await fetch(`${HEALTH_API}/__sim/exposed-key/reset`, { method: "POST" });
  expect(reset.ok).toBe(true);
  provider = await startOidcProvider({
    clientId: "healthdeck",
    clientSecret: "healthdeck-e2e-client-secret",
    redirectUris: [`${ORIGIN}/auth/callback`],
    postLogoutRedirectUris: [`${ORIGIN}/auth/signed-out`],
    groupsOf: (login) => GROUPS[login] ?? [],
  });
  await startApp(notifyFile, provider.issuer);
});

test.afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  await provider?.close();
});

/** The provider's own login and consent pages, as a person fills them in; lands on `path`. */
async function signIn(browser: Browser, login: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAtProvider(page, { origin: ORIGIN, issuer: provider.issuer, login, path });
  await expect(page).toHaveURL(`${ORIGIN}${path}`);
  return page;
}

const pushExposedEvent = async (communicationId: string): Promise<string> => {
  const response = await fetch(`${ORIGIN}/api/v1/ingest/eventbridge`, { method: "POST", headers: { "Content-Type": "application/json", "X-Healthdeck-Token": INGEST_TOKEN }, body: JSON.stringify(exposedEvent(communicationId)) });
  expect(response.status).toBe(200);
  const eventId = ((await response.json()) as { results: { id: string }[] }).results[0]?.id ?? "";
  expect(eventId).not.toBe("");
  return eventId;
};

const exposedEvent = (communicationId: string) => {
  const event = buildHealthEvent({
    account: ACCOUNT,
    arn: `arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/AWS_RISK_CREDENTIALS_EXPOSED_${communicationId}`,
    service: "RISK",
    code: "AWS_RISK_CREDENTIALS_EXPOSED",
    category: "issue",
    status: "open",
    region: "global",
    description: `We have become aware that the AWS Access Key ${KEY}, along with the corresponding Secret Key, is publicly available online at github.com.`,
    communicationId,
    startMs: Date.now() - 60_000,
    entities: [{ entityValue: KEY, status: "IMPAIRED" }],
  });
  return { ...event, detail: { ...event.detail, eventMetadata: { publicKey: KEY, userName: "ci-deploy", accountId: ACCOUNT, exposedUrl: "https://github.com/example/leaky-repo/blob/main/.env" } } };
};

const simulatorKeyStatus = async () => {
  const state = (await (await fetch(`${HEALTH_API}/__sim/exposed-key/state`)).json()) as { keys: { accessKeyId: string; status: string }[] };
  return state.keys.find((key) => key.accessKeyId === KEY)?.status;
};

test("a viewer sees the key's panel but no deactivate control; a direct POST with the viewer's session is refused and audited", async ({ browser }) => {
  const eventId = await pushExposedEvent("e2e-exposed-viewer");
  const page = await signIn(browser, "bob", `/events/${eventId}`);
  const panel = page.getByRole("region", { name: "Exposed access key: respond here" });
  await expect(panel).toContainText("****************MPLE");
  await expect(panel).toContainText("Only an admin may deactivate the key from Healthdeck.");
  await expect(panel.getByRole("button", { name: "Deactivate key" })).toHaveCount(0);
  await expect(panel.getByLabel(/Type the last 4 characters/)).toHaveCount(0);

  const refused = await page.request.post(`${ORIGIN}/api/v1/account/events/${eventId}/exposed-key`, { headers: { Origin: ORIGIN }, data: { action: "deactivate", confirm: "MPLE" } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: "only an admin may deactivate a key" });
  expect(await simulatorKeyStatus()).toBe("Active");
  await page.context().close();

  const admin = await signIn(browser, "alice", "/admin/audit");
  const rows = admin.locator('[data-audit-action="exposed-key.deactivate.refused"]').filter({ hasText: eventId });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("bob");
  await expect(rows).toContainText("only an admin may deactivate a key");
  await admin.context().close();
});

test("an exposed key: pushed by EventBridge, looked up, summarised to security, deactivated by an admin after typing the last 4, audited", async ({ browser }) => {
  const eventId = await pushExposedEvent("e2e-exposed-1");
  const page = await signIn(browser, "alice", `/events/${eventId}`);
  const panel = page.getByRole("region", { name: "Exposed access key: respond here" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("****************MPLE");
  await expect(panel).not.toContainText(KEY);
  await expect(panel).toContainText("https://github.com/example/leaky-repo/blob/main/.env");
  await expect(panel).toContainText("Management events only (no S3 object reads");
  await expect(panel).toContainText("an empty result does not prove the key was not abused");
  // The automatic look-up finishes on its own; the panel refreshes while it runs.
  await expect(panel.getByTestId("lookup-status")).toContainText("finished: 8 events", { timeout: 30_000 });
  await expect(panel).toContainText("Active: the key still works");
  await expect(panel).toContainText("Attached: AWSCompromisedKeyQuarantineV3");
  const table = panel.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(7);
  await expect(table).toContainText("198.51.100.23");
  await expect(table).toContainText("203.0.113.45");
  await expect(table.getByRole("row", { name: /RunInstances/ })).toContainText("Client.UnauthorizedOperation ×1");

  await expect.poll(() => received.some((receipt) => receipt.id.includes(`:${eventId}:exposed-key-summary:`)), { timeout: 20_000 }).toBe(true);
  const summary = received.find((receipt) => receipt.id.includes(`:${eventId}:exposed-key-summary:`))?.body ?? "";
  expect(summary).toContain("Top actions:");
  expect(summary).toContain("Source IPs:");
  expect(summary).toContain("Management events only");

  const confirm = panel.getByLabel("Type the last 4 characters of ****************MPLE to confirm");
  const button = panel.getByRole("button", { name: "Deactivate key" });
  await expect(button).toBeDisabled();
  await confirm.fill("XXXX");
  await expect(button).toBeDisabled();
  // The admin's session with a wrong confirmation, past the form (from this site, as the page's own fetch): refused, and the key untouched.
  const wrong = await page.request.post(`${ORIGIN}/api/v1/account/events/${eventId}/exposed-key`, { headers: { Origin: ORIGIN }, data: { action: "deactivate", confirm: "XXXX" } });
  expect(wrong.status()).toBe(400);
  expect(await simulatorKeyStatus()).toBe("Active");
  await confirm.fill("MPLE");
  await button.click();
  await expect(panel.getByRole("status").filter({ hasText: "The key is now inactive" })).toBeVisible();
  await expect.poll(simulatorKeyStatus).toBe("Inactive");
  await expect(panel).toContainText("Inactive: the key no longer works");
  await expect(panel.getByRole("list", { name: "Actions taken" })).toContainText("deactivate, deactivated");

  await expect.poll(async () => (await readFile(LOG, "utf8")).includes('"message":"audit"') && (await readFile(LOG, "utf8")).includes('"result":"deactivated"'), { timeout: 10_000 }).toBe(true);
  const log = await readFile(LOG, "utf8");
  expect(log).not.toContain(KEY);
  await expect.poll(() => received.some((receipt) => receipt.id.includes(`:${eventId}:exposed-key-action:`)), { timeout: 20_000 }).toBe(true);
  // Read back through the API with the admin's session, and in the audit log: the refusal and the deactivation.
  const shown = (await (await page.request.get(`${ORIGIN}/api/v1/account/events/${eventId}/exposed-key`)).json()) as { keyState: { status: string }; actions: { actor: string; result: string }[] };
  expect(shown.keyState.status).toBe("Inactive");
  expect(shown.actions).toEqual([expect.objectContaining({ actor: expect.stringContaining("alice"), result: "deactivated" })]);
  await page.goto(`${ORIGIN}/admin/audit`);
  await expect(page.locator('[data-audit-action="exposed-key.deactivate.deactivated"]').filter({ hasText: eventId })).toContainText("alice");
  await expect(page.locator('[data-audit-action="exposed-key.deactivate.refused"]').filter({ hasText: eventId })).toContainText("confirmation did not match");
  await page.context().close();
});

test("without the setting, the main app's event page has no deactivate button", async ({ page, request }) => {
  const [eventId] = await pushHealthEvents(request, exposedEvent("e2e-exposed-2"));
  await page.goto(`/events/${eventId}`);
  const panel = page.getByRole("region", { name: "Exposed access key: respond here" });
  await expect(panel).toContainText("Deactivation from Healthdeck is off");
  await expect(panel.getByRole("button", { name: "Deactivate key" })).toHaveCount(0);
});
