import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { buildHealthEvent, pushHealthEvents, type HealthEventInput } from "@/tests/e2e/health-event";

// Events reach the app as EventBridge delivers them (POSTed to the ingest endpoint), in accounts of this run only, so
// the log's account filter isolates them from every other spec's events.
test.describe.configure({ mode: "serial" });

const RUN = Date.now().toString().slice(-9);
const ACCOUNT_A = `210${RUN}`;
const ACCOUNT_B = `320${RUN}`;
const DAY = 86_400_000;
const ENTITIES = 50_000;
const PER_PUSH = 5_000;
const entityValue = (n: number) => `i-${String(n).padStart(17, "0")}`;
const entityStatus = (n: number) => (n % 4 === 3 ? "RESOLVED" : "PENDING");

type LogEvent = Pick<HealthEventInput, "account" | "service" | "code" | "category" | "status" | "region" | "description" | "startMs" | "endMs"> & { key: string };

const NOW = Date.now();
const EVENTS: LogEvent[] = [
  // Not us-east-1: account.spec.ts counts the open events that touch the board's us-east-1 cells.
  { key: "ec2", account: ACCOUNT_A, service: "EC2", code: "AWS_EC2_OPERATIONAL_ISSUE", category: "issue", status: "open", region: "ap-southeast-2", description: `Increased API error rates (ticket zq${RUN}).`, startMs: NOW - 3_600_000 },
  { key: "rds", account: ACCOUNT_A, service: "RDS", code: "AWS_RDS_MAINTENANCE_SCHEDULED", category: "scheduledChange", status: "upcoming", region: "eu-west-1", description: "Your database will be patched.", startMs: NOW + 3 * DAY },
  { key: "billing", account: ACCOUNT_B, service: "BILLING", code: "AWS_BILLING_NOTIFICATION", category: "accountNotification", status: "open", region: "global", description: "Your invoice is available.", startMs: NOW - 10 * DAY },
  { key: "lambda-old", account: ACCOUNT_B, service: "LAMBDA", code: "AWS_LAMBDA_OPERATIONAL_ISSUE", category: "issue", status: "closed", region: "us-west-2", description: "Increased invocation errors.", startMs: NOW - 40 * DAY, endMs: NOW - 39 * DAY },
];
// Upcoming, so the NOC wall that later specs measure shows a scheduled change with a 5-digit resource count.
const BIG: LogEvent = { key: "big", account: ACCOUNT_A, service: "LAMBDA", code: "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", category: "scheduledChange", status: "upcoming", region: "us-west-2", description: "Runtime end of support.", startMs: NOW + 30 * DAY };

function healthEvent(event: LogEvent, entities: { entityValue: string; status: string }[], page = 1, totalPages = 1) {
  return buildHealthEvent({
    ...event,
    arn: `arn:aws:health:${event.region}::event/${event.service}/${event.code}/E2E_LOG_${RUN}_${event.key}`,
    communicationId: `log${RUN}${event.key}`,
    lastUpdatedMs: NOW,
    entities,
    page,
    totalPages,
  });
}

async function push(request: APIRequestContext, body: unknown): Promise<string> {
  return (await pushHealthEvents(request, body))[0] ?? "";
}

let bigId = "";

test.beforeAll(async ({ request }) => {
  await push(request, EVENTS.map((event) => healthEvent(event, [{ entityValue: `${event.key}-resource`, status: "IMPAIRED" }])));
  const pages = Math.ceil(ENTITIES / PER_PUSH);
  for (let page = 1; page <= pages; page += 1) {
    const entities = Array.from({ length: PER_PUSH }, (_, i) => (page - 1) * PER_PUSH + i).map((n) => ({ entityValue: entityValue(n), status: entityStatus(n) }));
    bigId = await push(request, healthEvent(BIG, entities, page, pages));
  }
});

const rowsOf = (page: Page) => page.locator("table tbody tr");
const codesShown = async (page: Page) => (await rowsOf(page).locator("th span.font-mono").allTextContents()).sort();

async function tick(page: Page, filter: string, option: RegExp) {
  const details = page.locator("details").filter({ has: page.locator(`input[name="${filter}"]`) });
  await details.locator("summary").click();
  await details.getByRole("checkbox", { name: option }).check();
  await details.locator("summary").click();
}

test("the event log's filters live in the URL, survive a reload and filter the list", async ({ page }) => {
  await page.goto(`/account/events?account=${ACCOUNT_A},${ACCOUNT_B}`);
  await expect(rowsOf(page)).toHaveCount(5);

  await tick(page, "category", /^Issue/);
  await expect(page).toHaveURL(/category=issue/);
  await expect.poll(() => codesShown(page)).toEqual(["AWS_EC2_OPERATIONAL_ISSUE", "AWS_LAMBDA_OPERATIONAL_ISSUE"]);
  await tick(page, "status", /^Open/);
  await expect(page).toHaveURL(/status=open/);
  await expect.poll(() => codesShown(page)).toEqual(["AWS_EC2_OPERATIONAL_ISSUE"]);

  await page.reload();
  await expect(page).toHaveURL(/category=issue.*status=open|status=open.*category=issue/);
  await expect.poll(() => codesShown(page)).toEqual(["AWS_EC2_OPERATIONAL_ISSUE"]);
  await expect(page.locator('input[name="category"][value="issue"]')).toBeChecked();

  const accounts = `account=${ACCOUNT_A},${ACCOUNT_B}`;
  const cases: [string, string[]][] = [
    [`${accounts}&region=eu-west-1`, ["AWS_RDS_MAINTENANCE_SCHEDULED"]],
    [`${accounts}&service=LAMBDA`, ["AWS_LAMBDA_OPERATIONAL_ISSUE", "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT"]],
    [`account=${ACCOUNT_B}`, ["AWS_BILLING_NOTIFICATION", "AWS_LAMBDA_OPERATIONAL_ISSUE"]],
    [`${accounts}&type=AWS_BILLING_NOTIFICATION`, ["AWS_BILLING_NOTIFICATION"]],
    [`${accounts}&from=${new Date(NOW - 20 * DAY).toISOString().slice(0, 10)}&to=${new Date(NOW + DAY).toISOString().slice(0, 10)}`, ["AWS_BILLING_NOTIFICATION", "AWS_EC2_OPERATIONAL_ISSUE"]],
    // A window in the future: the upcoming changes, and the events still open (they overlap any window after their start).
    [`${accounts}&from=${new Date(NOW + 2 * DAY).toISOString().slice(0, 10)}&to=${new Date(NOW + 40 * DAY).toISOString().slice(0, 10)}`, ["AWS_BILLING_NOTIFICATION", "AWS_EC2_OPERATIONAL_ISSUE", "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", "AWS_RDS_MAINTENANCE_SCHEDULED"]],
    [`${accounts}&q=zq${RUN}`, ["AWS_EC2_OPERATIONAL_ISSUE"]],
  ];
  for (const [query, codes] of cases) {
    await page.goto(`/account/events?${query}`);
    await expect.poll(() => codesShown(page), { message: query }).toEqual(codes);
    await page.reload();
    await expect.poll(() => codesShown(page), { message: `${query} after reload` }).toEqual(codes);
  }

  // Typing in the search box writes it into the URL.
  await page.goto(`/account/events?${accounts}`);
  await page.locator("#log-q").fill("invoice");
  await expect(page).toHaveURL(/q=invoice/);
  await expect.poll(() => codesShown(page)).toEqual(["AWS_BILLING_NOTIFICATION"]);
});

test("an event with 50,000 resources: windowed table, search, status filter, sort and the CSV of every row", async ({ page }) => {
  await page.goto(`/events/${bigId}`);
  const table = page.locator("[data-entity-table]");
  await expect(table).toHaveAttribute("data-entity-table", "complete", { timeout: 20_000 });
  await expect(table).toHaveAttribute("data-row-count", String(ENTITIES));
  expect(await table.locator('[role="row"]').count()).toBeLessThan(100);

  const values = Array.from({ length: ENTITIES }, (_, n) => n);
  const q = "4999";
  await page.locator("#entity-search").fill(q);
  await expect(table).toHaveAttribute("data-applied-q", q);
  await expect(table).toHaveAttribute("data-row-count", String(values.filter((n) => entityValue(n).includes(q)).length));

  await page.getByRole("button", { name: /^Resolved/ }).click();
  await expect(table).toHaveAttribute("data-applied-status", "RESOLVED");
  await expect(table).toHaveAttribute("data-row-count", String(values.filter((n) => entityValue(n).includes(q) && entityStatus(n) === "RESOLVED").length));
  await expect(page).toHaveURL(/status=RESOLVED/);

  await page.getByRole("button", { name: /^All statuses/ }).click();
  await page.locator("#entity-search").fill("");
  await expect(table).toHaveAttribute("data-row-count", String(ENTITIES));
  await page.getByRole("button", { name: /^Resource/ }).click();
  await expect(page.getByRole("columnheader", { name: /Resource/ })).toHaveAttribute("aria-sort", "descending");
  await expect(table.locator('[role="row"][aria-rowindex="2"]')).toContainText(entityValue(ENTITIES - 1));
  expect(await table.locator('[role="row"]').count()).toBeLessThan(100);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /CSV/i }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).toString("utf8").trimEnd().split("\r\n");
  expect(lines).toHaveLength(ENTITIES + 1);
  expect(lines[0]).toBe("entityValue,entityArn,accountId,status,lastUpdatedTime,entityUrl");
  expect(lines[1]).toContain(entityValue(ENTITIES - 1));
});
