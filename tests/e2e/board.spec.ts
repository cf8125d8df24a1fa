import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { statusResponseSchema } from "@/lib/shared/public-status-contract";
import { resetSimulator, setFault, stepSimulator } from "@/tests/e2e/simulator-control";

// One story, in order: the simulator and the app are shared by every step.
test.describe.configure({ mode: "serial" });

const ec2Row = (page: Page) => page.getByRole("row", { name: /Amazon Elastic Compute Cloud/ }).first();

/** Reloads until `check` passes: first paint comes from the store, which the poller fills within ~1–2 s. */
async function untilAfterReload(page: Page, check: () => Promise<void>, timeout = 30_000) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [500, 1000, 2000] });
}

test.beforeAll(async ({ request }) => {
  await resetSimulator(request);
});

test("the board says the data is simulated and every source goes live", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("status").filter({ hasText: "Simulated data" })).toBeVisible();
  await untilAfterReload(page, async () => {
    await expect(page.getByText(/AWS public events\s*Live/)).toBeVisible({ timeout: 1000 });
  });
  await expect(page.getByText(/operational/i).first()).toBeVisible();
});

test("an incident appears with its timeline, and upstream HTML stays inert text", async ({ page, request }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await stepSimulator(request);
  await page.goto("/");
  await untilAfterReload(page, async () => {
    await expect(ec2Row(page)).toContainText(/Degraded/, { timeout: 1000 });
  });
  const card = page.getByRole("article").filter({ hasText: "Increased API Error Rates" }).first();
  await expect(card).toBeVisible();
  await expect(card).toContainText("Customers may see InsufficientInstanceCapacity errors.");
  await expect(card.locator("b, script, img")).toHaveCount(0);
  await expect(card).toContainText(/UTC/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("escalation: the worst service comes first and the timeline is newest first", async ({ page, request }) => {
  await stepSimulator(request);
  await page.goto("/");
  await untilAfterReload(page, async () => {
    await expect(ec2Row(page)).toContainText(/Disrupted/, { timeout: 1000 });
  });
  const firstRow = page.getByRole("region", { name: /Status by service and region/ }).getByRole("row").nth(1);
  await expect(firstRow).toContainText(/Disrupted/);
  const card = page.getByRole("article").filter({ hasText: "Instance Impairments" }).first();
  const updates = card.getByRole("list", { name: "Updates, newest first" }).getByRole("listitem");
  await expect(updates.first()).toContainText("Instance Impairments");
  await expect(updates.nth(1)).toContainText("Increased API Error Rates");
  await expect(page.getByRole("article").filter({ hasText: "Several services are seeing increased error rates" })).toContainText(/DynamoDB/);
});

test("filters live in the URL, survive a reload and are remembered", async ({ page }) => {
  await page.goto("/?region=us-west-2");
  await expect(page.getByRole("row", { name: /DynamoDB/ }).first()).toContainText(/Disrupted/);
  await expect(ec2Row(page)).toHaveCount(0);
  await page.reload();
  await expect(ec2Row(page)).toHaveCount(0);
  await page.goto("/");
  await expect(page).toHaveURL(/region=us-west-2/);
  await page.goto("/?status=disrupted");
  await expect(page.getByRole("row", { name: /Lambda/ })).toHaveCount(0);
});

test("the pickers list the regions and services when opened, and a choice filters the board", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Regions", exact: true }).click();
  const regions = page.getByRole("group", { name: "Regions" });
  await expect(regions.getByRole("checkbox", { name: /us-west-2/ })).toBeVisible();
  await regions.getByRole("checkbox", { name: /eu-west-1/ }).check();
  await expect(page).toHaveURL(/region=eu-west-1/);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Services", exact: true }).click();
  await expect(page.getByRole("group", { name: "Services" }).getByRole("checkbox", { name: /Amazon Elastic Compute Cloud \(ec2\)/ })).toBeVisible();
});

test("a failing upstream turns the board stale and unknown, never green, and recovers", async ({ page, request }) => {
  await setFault(request, "currentevents", { kind: "status", status: 500 });
  await page.goto("/?region=us-west-2");
  try {
    await untilAfterReload(page, async () => {
      await expect(page.getByRole("alert").filter({ hasText: /stale|failing|error/i }).first()).toBeVisible({ timeout: 1000 });
    });
    await expect(page.getByRole("row", { name: /Amazon WorkSpaces .*Unknown/ }).first()).toBeVisible();
    await expect(page.getByText(/services? operational in all regions/)).toHaveCount(0);
    await expect(page.getByRole("row", { name: /DynamoDB/ }).first()).toContainText(/Disrupted/);
  } finally {
    await setFault(request, "currentevents", null);
  }
  await untilAfterReload(page, async () => {
    await expect(page.getByRole("alert").filter({ hasText: /stale|failing|error/i })).toHaveCount(0, { timeout: 1000 });
  });
});

test("history keeps the resolved event, by service and region", async ({ page, request }) => {
  await stepSimulator(request);
  await page.goto("/?region=us-east-1");
  // Resolved, EC2 folds back into the operational summary: no row of its own any more.
  await untilAfterReload(page, async () => {
    await expect(ec2Row(page)).toHaveCount(0, { timeout: 1000 });
  });
  await page.goto("/history?service=ec2&region=us-east-1");
  const table = page.getByRole("table", { name: /Past public events/ });
  await expect(table).toContainText("Instance Impairments");
  await expect(table).toContainText(/Resolved|Operational/);
  await page.goto("/history?service=ec2&region=eu-west-1");
  await expect(page.getByRole("table", { name: /Past public events/ })).toHaveCount(0);
});

test("the JSON API validates its parameters and answers the documented shape", async ({ request }) => {
  const bad = await request.get("/api/v1/status?region=not%20a%20region");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/region/);
  const ok = await request.get("/api/v1/status?region=us-west-2&status=disrupted");
  expect(ok.status()).toBe(200);
  const body = statusResponseSchema.parse(await ok.json());
  expect(body.services.map((service) => service.key)).toContain("dynamodb-us-west-2");
  expect(body.services.every((service) => service.status === "disrupted")).toBe(true);
  expect((await request.get("/api/v1/history?from=tomorrow")).status()).toBe(400);
  const health = await request.get("/api/v1/health");
  expect(health.status()).toBe(200);
});

test("the board and history have no serious accessibility violations", async ({ page }) => {
  for (const path of ["/", "/history"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious.map((violation) => `${path}: ${violation.id}`)).toEqual([]);
  }
});
