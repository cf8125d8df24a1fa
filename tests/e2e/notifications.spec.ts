import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { E2E_PORT_OFFSET, SIMULATOR_URL } from "../../playwright.config";
import { startE2eApp, type E2eApp } from "../support/start-e2e-app";
import { resetSimulator, stepSimulator } from "@/tests/e2e/simulator-control";

/**
 * /notifications against a real dispatcher: this spec runs an app of its own with a notifications file whose channels
 * are the simulator's demo inbox (a fake Slack and webhook receiver over HTTP), so messages really go out.
 */
test.describe.configure({ mode: "serial" });

const PORT = 3103 + E2E_PORT_OFFSET;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA_DIR = "reports/e2e-notifications-data";
const SLACK_PATH = "/__inbox/slack/services/T0SECRET/B0SECRET/xoxSECRETTOKEN";
let app: E2eApp | null = null;

test.beforeAll(async () => {
  await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(DATA_DIR, { recursive: true });
  const file = path.resolve(DATA_DIR, "notify.yaml");
  await writeFile(
    file,
    `channels:\n  - id: inbox-slack\n    type: slack\n    url: ${SIMULATOR_URL}${SLACK_PATH}\n    security: true\n  - id: gone\n    type: slack\n    url: ${SIMULATOR_URL}/__inbox/gone\nrules:\n  - channels: [inbox-slack, gone]\n    sources: [public]\n`,
  );
  app = await startE2eApp({
    port: 3103,
    dataDir: DATA_DIR,
    env: { HEALTHDECK_NOTIFY_CONFIG: file, HEALTHDECK_NOTIFY_FRESH_MINUTES: "525600", HEALTHDECK_PUBLIC_URL: ORIGIN },
  });
});

test.afterAll(async () => {
  await app?.stop();
});

test("shows channels with their health, the rules in words and the delivery log with attempts and payloads", async ({ page, request }) => {
  // The scenario opens an incident and then a second event: each is a message to both channels.
  await resetSimulator(request);
  await stepSimulator(request);
  await stepSimulator(request);
  await expect.poll(async () => ((await (await fetch(`${ORIGIN}/api/v1/notifications/deliveries?status=sent`)).json()) as { deliveries: unknown[] }).deliveries.length, { timeout: 30_000 }).toBeGreaterThan(0);
  await page.goto(`${ORIGIN}/notifications`);
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" })).toHaveAttribute("aria-current", "page");

  const channels = page.locator("section", { has: page.getByRole("heading", { name: "Channels" }) });
  await expect(channels).toContainText("npm run notify:test -- <channel>");
  await expect(channels).toContainText("not that the message rendered");
  const slack = channels.getByRole("listitem").filter({ hasText: "inbox-slack" });
  await expect(slack).toContainText("Working");
  await expect(slack).toContainText("security events");
  await expect(slack).toContainText(new URL(SIMULATOR_URL).host);
  // The inbox answers 404 where no receiver is: that channel is broken, and the page says so and why.
  await expect(channels.getByRole("listitem").filter({ hasText: "gone" })).toContainText(/Broken since .*HTTP 404/);
  // A Slack URL is a credential: only its host is ever on the page.
  expect(await page.content()).not.toContain("xoxSECRETTOKEN");

  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Rules" }) })).toContainText("Public AWS events: every kind of message → inbox-slack, gone");
  await expect(page.getByText("Security events (AWS_RISK_*) always go to inbox-slack")).toBeVisible();

  const first = page.locator("#main li[id^=delivery-]").filter({ hasText: "sent" }).first();
  await first.locator("summary").click();
  await expect(first.getByRole("table")).toContainText("200");
  await expect(first.locator("pre")).toContainText('"blocks"');

  for (const [width, height, name] of [
    [1920, 1080, "desktop"],
    [390, 844, "phone"],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/notifications-${name}.png`, fullPage: true });
  }
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => violation.id)).toEqual([]);
});

test("the log filters by channel, status and kind; a bad filter says why", async ({ page }) => {
  await page.goto(`${ORIGIN}/notifications`);
  await page.getByLabel("Channel", { exact: true }).selectOption("gone");
  await page.getByLabel("Status", { exact: true }).selectOption("failed");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/channel=gone/);
  const entries = page.locator("#main li[id^=delivery-]");
  await expect(entries.first()).toBeVisible();
  for (const text of await entries.locator("summary").allInnerTexts()) expect(text).toMatch(/failed[\s\S]*gone/);
  await page.goto(`${ORIGIN}/notifications?kind=digest`);
  await expect(page.getByText("No deliveries match this filter.")).toBeVisible();
  await page.goto(`${ORIGIN}/notifications?status=lost`);
  await expect(page.getByRole("alert").filter({ hasText: "This filter is not valid." })).toContainText("status must be one of");
});

test("an admin sends a test message and sees the answer; disables a channel and sees who did", async ({ page }) => {
  await page.goto(`${ORIGIN}/notifications`);
  const slack = page.locator("#channel-inbox-slack");
  await slack.getByRole("button", { name: "Send a test message" }).click();
  await expect(page).toHaveURL(/\/notifications\?test=/);
  const answer = page.locator("[data-test-result]");
  await expect(answer).toContainText("Test message to inbox-slack (slack)");
  await expect(answer).toContainText("sent, HTTP 200");
  await expect(answer).toContainText("not that the message rendered or was seen");

  const gone = page.locator("#channel-gone");
  await gone.getByRole("button", { name: "Disable", exact: true }).click();
  await expect(gone).toContainText(/Disabled by local at/);
  await gone.getByRole("button", { name: "Enable" }).click();
  await expect(gone).not.toContainText("Disabled by");
  // A security channel can be disabled, but its button says what that costs.
  await expect(slack.getByRole("button", { name: "Disable (security events will not reach it)" })).toBeVisible();
});

test("the simulator's demo inbox lists what arrived, clearly labelled as simulated", async ({ page }) => {
  await page.goto(`${SIMULATOR_URL}/__inbox`);
  await expect(page.getByText("SIMULATED.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "fake Slack" }).first()).toContainText("[Healthdeck]");
});
