import { rm } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { E2E_PORT_OFFSET } from "../../playwright.config";
import { startE2eApp, type E2eApp } from "../support/start-e2e-app";

/**
 * The server really goes away: this spec runs an app of its own (same build, same simulator, its own data) so it can
 * stop and restart it while pages stay open.
 */
test.describe.configure({ mode: "serial" });

const PORT = 3102 + E2E_PORT_OFFSET;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA_DIR = "reports/e2e-restart-data";

let app: E2eApp | null = null;

async function startApp(): Promise<void> {
  app = await startE2eApp({ port: 3102, dataDir: DATA_DIR });
}

async function stopApp(): Promise<void> {
  await app?.stop();
  app = null;
}

test.beforeAll(async () => {
  await rm(DATA_DIR, { recursive: true, force: true });
  await startApp();
});

test.afterAll(async () => {
  await stopApp();
});

const cutAlert = (page: Page) => page.getByRole("alert").filter({ hasText: "Cannot reach the Healthdeck server" });

test("the board and the account page warn when the server goes away and clear when it is back", async ({ browser }) => {
  const board = await browser.newPage();
  const account = await browser.newPage();
  await board.goto(`${ORIGIN}/?region=us-east-1`);
  await account.goto(`${ORIGIN}/account`);
  await expect(board.locator("#board")).toHaveAttribute("data-live-connection", "live");
  await expect(account.locator("[data-live-indicator]")).toHaveText("Live");
  await expect(cutAlert(board)).toHaveCount(0);

  await stopApp();
  await expect(cutAlert(board)).toBeVisible();
  await expect(cutAlert(board)).toContainText("Data may be out of date");
  await expect(cutAlert(account)).toBeVisible();
  await expect(board.locator("[data-live-indicator]")).not.toHaveText("Live");

  await startApp();
  // Reconnection backs off while the server is away; it retries within seconds once it answers.
  await expect(cutAlert(board)).toHaveCount(0, { timeout: 30_000 });
  await expect(cutAlert(account)).toHaveCount(0, { timeout: 30_000 });
  await expect(board.locator("#board")).toHaveAttribute("data-live-connection", "live");
  await expect(account.locator("[data-live-indicator]")).toHaveText("Live");
});
