import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { SIMULATOR_URL } from "../../playwright.config";

/**
 * The wall view's layout in Chromium: it fits every screen without scrolling and pages what does not fit.
 * The simulator is reset and stepped to an incident here; other specs may have left history in the app.
 */
test.describe.configure({ mode: "serial" });

async function postSimulator(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${SIMULATOR_URL}${path}`, {
    method: "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${path} answered ${response.status}`).toBe(true);
}

async function waitForIncident(page: Page): Promise<void> {
  await expect(page.locator(".noc")).toHaveAttribute("data-connection", "live");
  await expect(page.locator('.noc-measure [data-service-key="dynamodb-us-west-2"]')).toHaveCount(1);
}

/** Nothing scrolls and no visible element reaches outside the window (1 px of rounding allowed). */
async function expectNoOverflow(page: Page): Promise<void> {
  const report = await page.evaluate(() => {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const outside: string[] = [];
    for (const element of document.body.querySelectorAll("*")) {
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.left < -1 || rect.top < -1 || rect.right > width + 1 || rect.bottom > height + 1) {
        outside.push(`${element.tagName.toLowerCase()}.${element.className} [${Math.round(rect.left)},${Math.round(rect.top)} → ${Math.round(rect.right)},${Math.round(rect.bottom)}]`);
      }
    }
    const root = document.documentElement;
    return { width, height, scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight, outside: outside.slice(0, 8) };
  });
  expect(report.scrollHeight, "page height").toBeLessThanOrEqual(report.height);
  expect(report.scrollWidth, "page width").toBeLessThanOrEqual(report.width);
  expect(report.outside, "elements outside the window").toEqual([]);
}

async function readPageIndicator(region: Locator): Promise<{ page: number; pages: number }> {
  const indicator = region.locator(".noc-pages");
  await expect(indicator).toHaveText(/^Page \d+ \/ \d+$/);
  return { page: Number(await indicator.getAttribute("data-page")), pages: Number(await indicator.getAttribute("data-pages")) };
}

const shownServiceKeys = (region: Locator) =>
  region.locator(".noc-list:not(.noc-measure) [data-service-key]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-service-key")));

test.beforeAll(async () => {
  await postSimulator("/__sim/fault", { target: "all", fault: null });
  await postSimulator("/__sim/reset");
  await postSimulator("/__sim/step"); // EC2 API errors in us-east-1
  await postSimulator("/__sim/step"); // EC2 disrupted; multi-service event in us-west-2
});

for (const [label, width, height] of [
  ["1920×1080", 1920, 1080],
  ["3840×2160", 3840, 2160],
  ["portrait 1080×1920", 1080, 1920],
] as const) {
  test(`fits ${label} without scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto("/noc");
    await waitForIncident(page);
    await expect(page.locator('.noc-list:not(.noc-measure) [data-service-key="ec2-us-east-1"]')).toBeVisible();
    await expectNoOverflow(page);
  });
}

/** Where the first rows and the first source in the footer are. */
async function readFirstPaintLayout(page: Page) {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll(".noc-list:not(.noc-measure) > li")].slice(0, 3) as HTMLElement[];
    const source = document.querySelector('.noc-sources [data-source="public-currentevents"]');
    return {
      rowTops: rows.map((row) => Math.round(row.getBoundingClientRect().top)),
      sourceLeft: source === null ? null : Math.round(source.getBoundingClientRect().left),
    };
  });
}

for (const [label, width, height] of [
  ["1920×1080", 1920, 1080],
  ["phone 390×844", 390, 844],
] as const) {
  test(`the server's first paint is the live wall's layout (${label}): nothing moves when the stream connects`, async ({ browser }) => {
    const withoutScript = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
    const firstPaint = await withoutScript.newPage();
    // A long turn: the page a screen shows changes on the wall's clock, and this compares one page with itself.
    await firstPaint.goto("/noc?rotate=300");
    const before = await readFirstPaintLayout(firstPaint);
    await withoutScript.close();
    const live = await browser.newContext({ viewport: { width, height } });
    const page = await live.newPage();
    await page.goto("/noc?rotate=300");
    await waitForIncident(page);
    const after = await readFirstPaintLayout(page);
    await live.close();
    expect(before.rowTops.length, "rows on the first paint").toBeGreaterThan(0);
    // Equal to the pixel, give or take the rounding of a fractional position (470.5 reads 470 or 471).
    expect(after.rowTops).toHaveLength(before.rowTops.length);
    after.rowTops.forEach((top, index) => expect(Math.abs(top - (before.rowTops[index] ?? Number.NaN)), `row ${index}`).toBeLessThanOrEqual(1));
    expect(after.sourceLeft).toBe(before.sourceLeft);
  });
}

test("type grows with the screen and the distance preset", async ({ page }) => {
  const fontSize = async () => page.locator(".noc").evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto("/noc");
  const room1080 = await fontSize();
  await page.setViewportSize({ width: 3840, height: 2160 });
  expect(await fontSize()).toBeCloseTo(room1080 * 2, 0);
  await page.goto("/noc?density=far");
  expect(await fontSize()).toBeGreaterThan(room1080 * 2 * 1.3);
  expect(room1080).toBeGreaterThanOrEqual(30);
});

test("pages through what does not fit, on the rotate timer", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 900, height: 200 });
  await page.goto("/noc?rotate=5");
  await waitForIncident(page);
  const services = page.locator('[data-region="services"]');
  const first = await readPageIndicator(services);
  expect(first.pages).toBeGreaterThanOrEqual(2);
  await expect(services.locator(".noc-dot")).toHaveCount(first.pages);
  const allKeys = await services.locator(".noc-measure [data-service-key]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-service-key")));

  // Over one full turn every row is shown on some page, and the indicator counts through the pages.
  const shown = new Set<string | null>();
  const pagesSeen = new Set<number>();
  const deadline = Date.now() + first.pages * 5000 + 6000;
  while (Date.now() < deadline && (shown.size < allKeys.length || pagesSeen.size < 2)) {
    for (const key of await shownServiceKeys(services)) shown.add(key);
    pagesSeen.add((await readPageIndicator(services)).page);
    await page.waitForTimeout(400);
  }
  expect(pagesSeen.size).toBeGreaterThanOrEqual(2);
  expect([...shown].sort()).toEqual([...allKeys].sort());
  await expectNoOverflow(page);
});

test("a link with a mistake says so on screen instead of failing", async ({ page }) => {
  const response = await page.goto("/noc?rotate=2&theme=pink");
  expect(response?.status()).toBe(200);
  const alert = page.locator('.noc [role="alert"]');
  await expect(alert).toContainText("rotate: must be at least 5 seconds");
  await expect(alert).toContainText("theme: must be dark or light");
  await expectNoOverflow(page);
});

for (const theme of ["dark", "light"] as const) {
  test(`has no accessibility violations (${theme})`, async ({ page }) => {
    await page.goto(`/noc?theme=${theme}`);
    await waitForIncident(page);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
