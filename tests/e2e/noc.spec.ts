import { expect, test, type Page } from "@playwright/test";
import { SIMULATOR_URL } from "../../playwright.config";

/**
 * The wall view against the real app and simulator. Other specs share both servers, so the simulator is
 * reset here and the app's store may hold their history: assertions only look at keys this spec drives.
 */
test.describe.configure({ mode: "serial" });

const STREAM_ROUTE = "**/api/v1/stream**";

async function postSimulator(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${SIMULATOR_URL}${path}`, {
    method: "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${path} answered ${response.status}`).toBe(true);
}

/** A service row anywhere on the wall, on whichever page of its region. */
const anyServiceRow = (page: Page, key: string) => page.locator(`.noc-measure [data-service-key="${key}"]`);
/** A service row on the page of its region now shown. */
const shownServiceRow = (page: Page, key: string) => page.locator(`.noc-list:not(.noc-measure) [data-service-key="${key}"]`);

async function waitForLive(page: Page): Promise<void> {
  await expect(page.locator(".noc")).toHaveAttribute("data-connection", "live");
}

test.beforeAll(async () => {
  await postSimulator("/__sim/fault", { target: "all", fault: null });
  await postSimulator("/__sim/reset");
});

test.afterAll(async () => {
  await postSimulator("/__sim/fault", { target: "all", fault: null });
});

test("an upstream change reaches the open wall without a reload, highlighted as new", async ({ page }) => {
  await page.goto("/noc");
  await waitForLive(page);
  await expect(anyServiceRow(page, "ec2-us-east-1")).toHaveCount(0);
  await page.evaluate(() => Object.assign(window, { __nocWithoutReload: true }));

  await postSimulator("/__sim/step"); // EC2 API errors in us-east-1
  const row = shownServiceRow(page, "ec2-us-east-1");
  await expect(row).toBeVisible();
  await expect(row).toContainText("us-east-1");
  await expect(row).toContainText("Increased API Error Rates");
  await expect(row.getByText("New", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => "__nocWithoutReload" in window)).toBe(true);

  await postSimulator("/__sim/step"); // EC2 disrupted; multi-service event in us-west-2
  await expect(shownServiceRow(page, "ec2-us-east-1")).toContainText("Disrupted");
  await expect(shownServiceRow(page, "dynamodb-us-west-2")).toBeVisible();
  expect(await page.evaluate(() => "__nocWithoutReload" in window)).toBe(true);
});

test("the URL scope filters what is shown and what is streamed", async ({ page }) => {
  const streamUrls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/stream")) streamUrls.push(request.url());
  });
  await page.goto("/noc?region=eu-west-1");
  await waitForLive(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("eu-west-1 · all services");
  await expect(anyServiceRow(page, "ec2-us-east-1")).toHaveCount(0);
  await expect(anyServiceRow(page, "dynamodb-us-west-2")).toHaveCount(0);
  expect(streamUrls.some((url) => new URL(url).searchParams.get("region") === "eu-west-1")).toBe(true);

  await page.goto("/noc?region=us-east-1&service=ec2");
  await waitForLive(page);
  await expect(shownServiceRow(page, "ec2-us-east-1")).toBeVisible();
  await expect(anyServiceRow(page, "dynamodb-us-west-2")).toHaveCount(0);
});

test("warns when the stream is cut and clears the warning when it returns", async ({ page }) => {
  await page.route(STREAM_ROUTE, (route) => route.abort());
  await page.goto("/noc");
  const alert = page.locator('.noc [role="alert"]');
  await expect(alert).toContainText("Data may be out of date");
  await expect(alert).toContainText("Healthdeck server");
  await expect(page.locator('[data-source="stream"]')).not.toContainText("Live");

  await page.unroute(STREAM_ROUTE);
  // Other sources' states are not this test's business: only the stream's warning must go.
  await expect(alert).not.toContainText("Healthdeck server", { timeout: 30_000 });
  await expect(page.locator('[data-source="stream"]')).toContainText("Live");

  // A network loss on an open page: the same warning, then the page reconnects by itself.
  await page.context().setOffline(true);
  await expect(alert).toContainText("Healthdeck server");
  await page.context().setOffline(false);
  await expect(alert).not.toContainText("Healthdeck server", { timeout: 30_000 });
});

test("warns while an AWS source is failing and clears when it recovers", async ({ page }) => {
  await page.goto("/noc");
  await waitForLive(page);
  const alert = page.locator('.noc [role="alert"]');
  await expect(alert).not.toContainText("AWS public events");
  await postSimulator("/__sim/fault", { target: "currentevents", fault: { kind: "status", status: 503 } });
  await expect(alert).toContainText("AWS public events failing");
  await expect(page.locator('[data-source="public-currentevents"]')).toContainText("Failing");
  await expect(page.getByText("in scope operational")).toHaveCount(0);
  await postSimulator("/__sim/fault", { target: "all", fault: null });
  await expect(alert).not.toContainText("AWS public events", { timeout: 20_000 });
  await expect(page.locator('[data-source="public-currentevents"]')).toContainText("Live");
});

test("reloads itself when the server's build changes, once", async ({ page }) => {
  let connections = 0;
  let loads = 0;
  page.on("load", () => {
    loads += 1;
  });
  // Each fake stream says hello and ends, so the page reconnects; from the second one on, it is a new build.
  await page.route(STREAM_ROUTE, (route) => {
    connections += 1;
    const hello = { buildId: connections === 1 ? "build-before-deploy" : "build-after-deploy", serverTime: new Date().toISOString(), heartbeatSeconds: 20 };
    return route.fulfill({ status: 200, headers: { "content-type": "text/event-stream" }, body: `retry: 300\nevent: hello\ndata: ${JSON.stringify(hello)}\n\n` });
  });
  await page.goto("/noc");
  await expect.poll(() => loads, { timeout: 20_000 }).toBe(2);
  // The reloaded page takes the new build as its own: no reload loop.
  const connectionsAfterReload = connections;
  await expect.poll(() => connections, { timeout: 20_000 }).toBeGreaterThan(connectionsAfterReload + 1);
  expect(loads).toBe(2);
});

test("chimes for a new event in scope only, when asked to", async ({ page }) => {
  await postSimulator("/__sim/reset");
  await page.addInitScript(() => {
    const counter = { tones: 0 };
    Object.assign(window, { __nocChime: counter });
    // Counts the tones instead of playing them: headless Chromium has no speakers.
    class CountingAudioContext {
      state = "running";
      currentTime = 0;
      destination = {};
      createOscillator() {
        return { type: "", frequency: { value: 0 }, connect: (node: unknown) => node, start: () => (counter.tones += 1), stop: () => undefined };
      }
      createGain() {
        const gain = { gain: { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (node: unknown) => node };
        return gain;
      }
      resume() {
        return Promise.resolve();
      }
    }
    Object.assign(window, { AudioContext: CountingAudioContext });
  });
  const tones = (target: Page) => target.evaluate(() => (window as unknown as { __nocChime: { tones: number } }).__nocChime.tones);

  await page.goto("/noc?region=eu-west-1&chime=on");
  await waitForLive(page);
  await postSimulator("/__sim/step"); // us-east-1: outside this screen
  await expect(page.locator('[data-source="public-currentevents"]')).toContainText("just now");
  await page.waitForTimeout(3000);
  expect(await tones(page)).toBe(0);

  await page.goto("/noc?chime=on");
  await waitForLive(page);
  await postSimulator("/__sim/step"); // us-west-2: in scope
  await expect(shownServiceRow(page, "dynamodb-us-west-2")).toBeVisible();
  await expect.poll(() => tones(page)).toBeGreaterThan(0);
});
