import { expect, test, type APIRequestContext } from "@playwright/test";
import { buildHealthEvent, INGEST_TOKEN as TOKEN, pushHealthEvents, type HealthEventInput } from "@/tests/e2e/health-event";
import { resetSimulator, stepSimulator } from "@/tests/e2e/simulator-control";

// Account events reach the app the way EventBridge delivers them: POSTed to the ingest endpoint.
test.describe.configure({ mode: "serial" });

const ACCOUNT = "123456789012";
const RUN = Date.now().toString(36);
const SECURITY_ARN = `arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/E2E_${RUN}`;
const ISSUE_ARN = `arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/E2E_${RUN}`;
const RETIREMENT_ARN = `arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/E2E_${RUN}`;

type SpecEventInput = Omit<HealthEventInput, "account" | "communicationId" | "startMs"> & { communication: string; startTime?: number };

const healthEvent = ({ communication, startTime, ...input }: SpecEventInput) =>
  buildHealthEvent({ ...input, account: ACCOUNT, communicationId: communication, startMs: startTime ?? Date.now() - 60_000 });

const push = (request: APIRequestContext, events: unknown) => pushHealthEvents(request, events);

test.beforeAll(async ({ request }) => {
  await resetSimulator(request);
});

test("ingest refuses pushes without the secret and bad events, and stores good ones", async ({ request }) => {
  const event = healthEvent({ arn: ISSUE_ARN, service: "EC2", code: "AWS_EC2_OPERATIONAL_ISSUE", category: "issue", status: "open", region: "us-east-1", description: "x", entities: [], communication: `c0${RUN}` });
  expect((await request.post("/api/v1/ingest/eventbridge", { data: event })).status()).toBe(401);
  const invalid = await request.post("/api/v1/ingest/eventbridge", { data: { source: "aws.health" }, headers: { "X-Healthdeck-Token": TOKEN } });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error).toMatch(/nothing stored/);
});

test("a security event is pinned on every page until AWS closes it, arriving and leaving without a reload", async ({ page, request }) => {
  const security = { arn: SECURITY_ARN, service: "RISK", code: "AWS_RISK_CREDENTIALS_EXPOSED", category: "issue", region: "global", description: "Your access key was found in a public repository.", entities: [{ entityValue: "AKIAEXAMPLEKEY", status: "IMPAIRED" }] };
  const banner = page.locator("[data-security-banner]");
  const openBoard = async () => {
    await page.goto("/");
    await expect(page.locator("#board")).toHaveAttribute("data-live-connection", "live");
    await page.evaluate(() => Object.assign(window, { __bannerWithoutReload: true }));
  };
  await openBoard();
  await expect(banner).toHaveCount(0);
  await push(request, healthEvent({ ...security, status: "open", communication: `sec${RUN}` }));
  // Well inside the 30 s polling interval: the board's stream brought it.
  await expect(banner).toContainText(/Risk credentials exposed/i, { timeout: 10_000 });
  expect(await page.evaluate(() => "__bannerWithoutReload" in window)).toBe(true);
  for (const path of ["/history", "/account"]) {
    await page.goto(path);
    await expect(banner).toContainText(/Risk credentials exposed/i);
  }
  await openBoard();
  await push(request, healthEvent({ ...security, status: "closed", communication: `sec2${RUN}` }));
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  expect(await page.evaluate(() => "__bannerWithoutReload" in window)).toBe(true);
});

test("panels, correlation marks on the board, and the event's resources with CSV", async ({ page, request }) => {
  await stepSimulator(request);
  const entities = Array.from({ length: 1200 }, (_, index) => ({ entityValue: `i-${String(index).padStart(17, "0")}`, status: index % 4 === 0 ? "RESOLVED" : "IMPAIRED" }));
  await push(request, [
    healthEvent({ arn: ISSUE_ARN, service: "EC2", code: "AWS_EC2_OPERATIONAL_ISSUE", category: "issue", status: "open", region: "us-east-1", description: "Increased API error rates.\n\nSome of your instances are affected.", entities: entities.slice(0, 600), communication: `iss${RUN}`, page: 1, totalPages: 2 }),
    healthEvent({ arn: ISSUE_ARN, service: "EC2", code: "AWS_EC2_OPERATIONAL_ISSUE", category: "issue", status: "open", region: "us-east-1", description: "Increased API error rates.\n\nSome of your instances are affected.", entities: entities.slice(600), communication: `iss${RUN}`, page: 2, totalPages: 2 }),
    healthEvent({ arn: RETIREMENT_ARN, service: "EC2", code: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", category: "scheduledChange", status: "upcoming", region: "us-east-1", description: "Your instance will be retired.", entities: [{ entityValue: "i-0retire", status: "PENDING" }], communication: `ret${RUN}`, startTime: Date.now() + 3 * 86_400_000 }),
  ]);

  await page.goto("/account");
  await expect(page.locator('[data-panel="open-issues"]')).toContainText(/EC2 operational issue/i);
  await expect(page.getByText(/starts in 2 d|starts in 3 d/).first()).toBeVisible();

  await expect(async () => {
    await page.goto("/?region=us-east-1");
    await expect(page.locator("[data-account-mark]").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const impact = page.locator("[data-account-impact]").first();
  await expect(impact).toContainText(/1,200 affected resources/);
  await impact.getByRole("link", { name: /AWS_EC2_OPERATIONAL_ISSUE/ }).click();

  await expect(page).toHaveURL(/\/events\//);
  const table = page.locator("[data-entity-table]");
  await expect(table).toHaveAttribute("data-entity-table", "complete");
  await expect(table).toHaveAttribute("data-row-count", "1200");
  // Values i-00000000000000119 and i-000000000000001190..1199 contain this.
  await page.getByRole("searchbox").first().fill("00000000000119");
  await expect(table).toHaveAttribute("data-row-count", "11");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /CSV/i }).click();
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe("entityValue,entityArn,accountId,status,lastUpdatedTime,entityUrl");
  expect(lines).toHaveLength(12);
});
