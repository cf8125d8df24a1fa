import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { E2E_PORT_OFFSET, e2eAppEnvironment } from "../../playwright.config";

/**
 * The server really goes away: this spec runs an app of its own (same build, same simulator, its own data) so it can
 * stop and restart it while pages stay open.
 */
test.describe.configure({ mode: "serial" });

const PORT = 3102 + E2E_PORT_OFFSET;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA_DIR = "reports/e2e-restart-data";

let app: ChildProcess | null = null;

async function startApp(): Promise<void> {
  const child = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: { ...process.env, ...e2eAppEnvironment(DATA_DIR) },
    stdio: "ignore",
    detached: true,
  });
  app = child;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${ORIGIN}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the app did not answer within 60 s");
}

async function stopApp(): Promise<void> {
  const child = app;
  app = null;
  if (child === null || child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
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
