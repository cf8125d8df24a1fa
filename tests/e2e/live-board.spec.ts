import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { buildHealthEvent, pushHealthEvents } from "@/tests/e2e/health-event";
import { resetSimulator, stepSimulator } from "@/tests/e2e/simulator-control";

/**
 * The board and the account page follow the live stream: changes arrive without a reload and without polling,
 * and a stream that was cut resumes from where it stopped. Shares the simulator with the other specs: reset first.
 */
test.describe.configure({ mode: "serial" });

const BOARD = "/?region=us-east-1";
const ec2Row = (page: Page) => page.getByRole("row", { name: /Amazon Elastic Compute Cloud/ }).first();
const boardLive = (page: Page) => expect(page.locator("#board")).toHaveAttribute("data-live-connection", "live");

interface StreamLog {
  url: string;
  events: string[];
}

/** Records what each EventSource of the page receives; the page's own code runs unchanged. */
async function recordStreams(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const logs: { url: string; events: string[] }[] = [];
    const NativeEventSource = window.EventSource;
    class RecordingEventSource extends NativeEventSource {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        const log = { url: String(url), events: [] as string[] };
        logs.push(log);
        for (const type of ["snapshot", "change"]) this.addEventListener(type, () => log.events.push(type));
      }
    }
    Object.assign(window, { EventSource: RecordingEventSource, __streams: logs });
  });
}

const readStreams = (page: Page) => page.evaluate(() => (window as unknown as { __streams: StreamLog[] }).__streams);

test.beforeAll(async ({ request }) => {
  await resetSimulator(request);
});

test("an upstream change reaches the open board without a reload, and nothing polls while it is live", async ({ page, request }) => {
  const statusRequests: string[] = [];
  page.on("request", (sent) => {
    if (new URL(sent.url()).pathname === "/api/v1/status") statusRequests.push(sent.url());
  });
  await page.goto(BOARD);
  await boardLive(page);
  await expect(page.locator("[data-live-indicator]")).toHaveText("Live");
  // Healthy rows are folded away: EC2 has no row of its own until it is in trouble.
  await expect(ec2Row(page)).toHaveCount(0);
  await page.evaluate(() => Object.assign(window, { __boardWithoutReload: true }));

  await stepSimulator(request); // EC2 API errors in us-east-1
  // Well inside the 15 s polling interval: only the stream can bring it this fast.
  await expect(ec2Row(page)).toContainText(/Degraded/, { timeout: 8000 });
  // The event cards are server-rendered; the page asks for them again when the stream says the events changed.
  await expect(page.getByRole("article").filter({ hasText: "Increased API Error Rates" }).first()).toBeVisible();
  expect(await page.evaluate(() => "__boardWithoutReload" in window)).toBe(true);
  expect(statusRequests).toEqual([]);
});

test("a stream cut while a change happens resumes from where it stopped, without a fresh snapshot", async ({ page, request }) => {
  await recordStreams(page);
  await page.goto(BOARD);
  await boardLive(page);
  await expect(ec2Row(page)).toContainText(/Degraded/);
  await expect.poll(async () => (await readStreams(page)).at(-1)?.events).toContain("snapshot");

  await page.context().setOffline(true);
  await expect(page.locator("#board")).not.toHaveAttribute("data-live-connection", "live");
  await stepSimulator(request); // EC2 disrupted, while this page hears nothing
  await expect
    .poll(async () => {
      const response = await request.get("/api/v1/status?region=us-east-1&service=ec2");
      const body = (await response.json()) as { services: { key: string; status: string }[] };
      return body.services.find((service) => service.key === "ec2-us-east-1")?.status;
    })
    .toBe("disrupted");
  await expect(page.getByRole("alert").filter({ hasText: "This device is offline" })).toBeVisible();

  await page.context().setOffline(false);
  await expect(ec2Row(page)).toContainText(/Disrupted/);
  await boardLive(page);
  await expect(page.getByRole("alert").filter({ hasText: /offline|Cannot reach/ })).toHaveCount(0);
  const streams = await readStreams(page);
  const resumed = streams.at(-1);
  expect(streams.length).toBeGreaterThan(1);
  expect(new URL(resumed?.url ?? "", "http://x").searchParams.get("lastEventId")).toMatch(/\S/);
  expect(resumed?.events).toContain("change");
  expect(resumed?.events).not.toContain("snapshot");
});

interface PushInput {
  arn: string;
  region: string;
  status: "open" | "upcoming" | "closed";
  description: string;
  communication: string;
  startTime: number;
}

/** An RDS maintenance of the e2e account, pushed as EventBridge delivers it. */
async function pushHealthEvent(request: APIRequestContext, input: PushInput): Promise<void> {
  await pushHealthEvents(
    request,
    buildHealthEvent({
      account: "123456789012",
      arn: input.arn,
      service: "RDS",
      code: "AWS_RDS_MAINTENANCE_SCHEDULED",
      category: "scheduledChange",
      status: input.status,
      region: input.region,
      description: input.description,
      communicationId: input.communication,
      startMs: input.startTime,
      entities: [{ entityValue: "database-live-e2e", status: "PENDING" }],
    }),
  );
}

const RUN = Date.now().toString(36);

test("the account page is live too: a pushed event appears without a reload", async ({ page, request }) => {
  await page.goto("/account");
  await expect(page.locator("[data-live-indicator]")).toHaveText("Live");
  await page.evaluate(() => Object.assign(window, { __accountWithoutReload: true }));
  await pushHealthEvent(request, {
    arn: `arn:aws:health:eu-west-1::event/RDS/AWS_RDS_MAINTENANCE_SCHEDULED/E2E_LIVE_${RUN}`,
    region: "eu-west-1",
    status: "upcoming",
    description: "Live e2e: database-live-e2e will be patched.",
    communication: `live-account-${RUN}`,
    // Soonest first in the panel: starting in ten minutes puts it at the top whatever earlier specs stored.
    startTime: Date.now() + 10 * 60_000,
  });
  // Inside the 30 s polling interval: the stream brought it.
  await expect(page.getByText(/Live e2e: database-live-e2e will be patched/).first()).toBeVisible({ timeout: 8000 });
  expect(await page.evaluate(() => "__accountWithoutReload" in window)).toBe(true);
});

test("the event log and an event's page follow the stream too", async ({ page, request }) => {
  const arn = `arn:aws:health:ap-southeast-4::event/RDS/AWS_RDS_MAINTENANCE_SCHEDULED/E2E_LOG_${RUN}`;
  const base = { arn, region: "ap-southeast-4", startTime: Date.now() + 86_400_000 };
  await page.goto("/account/events?region=ap-southeast-4");
  const row = page.getByRole("link", { name: /RDS maintenance scheduled/ });
  await expect(row).toHaveCount(0);
  await expect(page.locator("[data-live-connection]")).toHaveAttribute("data-live-connection", "live");
  await pushHealthEvent(request, { ...base, status: "upcoming", description: "Melbourne patching, first notice.", communication: `live-log-1-${RUN}` });
  // Inside the log's 60 s polling interval.
  await expect(row).toHaveCount(1, { timeout: 8000 });

  await row.click();
  await expect(page).toHaveURL(/\/events\//);
  const description = page.getByRole("region", { name: "Description" }).getByRole("paragraph");
  await expect(description).toHaveText("Melbourne patching, first notice.");
  await expect(page.locator("[data-live-connection]")).toHaveAttribute("data-live-connection", "live");
  await pushHealthEvent(request, { ...base, status: "closed", description: "Melbourne patching, completed.", communication: `live-log-2-${RUN}` });
  // Inside the page's 30 s polling interval.
  await expect(description).toHaveText("Melbourne patching, completed.", { timeout: 8000 });
});
