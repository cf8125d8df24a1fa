import { expect, test, type Page } from "@playwright/test";
import { buildHealthEvent, pushHealthEvents } from "./health-event";

/** The hardened edge as a browser meets it: every page carries a nonce policy and still works under it. */

const RUN = Date.now().toString(36);

/** Collects every CSP violation the page reports: the DOM event and the console line Chromium writes for it. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test("pages carry a fresh nonce policy, run under it without one violation, and still work", async ({ page, request }) => {
  const [eventId] = await pushHealthEvents(
    request,
    buildHealthEvent({
      account: "123456789012",
      arn: `arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/EDGE_${RUN}`,
      service: "EC2",
      code: "AWS_EC2_OPERATIONAL_ISSUE",
      category: "issue",
      status: "open",
      region: "us-east-1",
      description: "Edge check.",
      communicationId: `edge${RUN}`,
      startMs: Date.now() - 60_000,
      entities: [{ entityValue: "i-0edge", status: "IMPAIRED" }],
    }),
  );
  const violations = await watchViolations(page);
  const nonces = new Set<string>();

  const visit = async (path: string) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const policy = (await response?.headerValue("content-security-policy")) ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? "";
    expect(nonce.length).toBeGreaterThan(15);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    nonces.add(nonce);
    // Every inline script carries the nonce (the browser hides its value from the DOM); the chunks Next's loader adds
    // later need none ('strict-dynamic').
    expect(await page.locator("script:not([src]):not([nonce])").count()).toBe(0);
    expect(await page.locator("script[nonce]:not([src])").count()).toBeGreaterThan(0);
    expect(await response?.headerValue("cross-origin-opener-policy")).toBe("same-origin");
    expect(await response?.headerValue("x-content-type-options")).toBe("nosniff");
  };

  await visit("/?region=us-east-1");
  await expect(page.locator("#board")).toHaveAttribute("data-live-connection", "live");
  await visit("/noc");
  await expect(page.locator(".noc")).toHaveAttribute("data-connection", "live");
  await visit(`/events/${eventId}`);
  await expect(page.locator("[data-entity-table]")).toHaveAttribute("data-entity-table", "complete");
  await visit("/account");
  await expect(page.locator("[data-live-indicator]")).toHaveText("Live");
  // The theme script ran before paint: the class it sets is there (dark or not, the attribute exists).
  expect(await page.evaluate(() => document.documentElement.style.colorScheme)).toMatch(/^(light|dark)$/);

  expect(nonces.size).toBe(4);
  expect(violations).toEqual([]);
});

test("a repeat client's 304 from /api/v1/status (answered at the edge) carries the 200's cache and security headers", async ({ request }) => {
  // The shared app keeps polling (other specs leave sources failing or recovering): a poll that changes the document
  // between the two requests gives it a new tag, so the pair is tried again, a few times at most.
  const readPair = async () => {
    const first = await request.get("/api/v1/status?region=us-east-1");
    expect(first.status()).toBe(200);
    const etag = first.headers()["etag"] ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    return { first, again: await request.get("/api/v1/status?region=us-east-1", { headers: { "If-None-Match": etag } }) };
  };
  let pair = await readPair();
  for (let attempt = 1; attempt < 5 && pair.again.status() !== 304; attempt += 1) pair = await readPair();
  const { first, again } = pair;
  expect(again.status()).toBe(304);
  expect(await again.body()).toHaveLength(0);
  // What differs by nature: the date, the body's framing, the body's type and the policy's per-request nonce.
  const comparable = (headers: Record<string, string>) =>
    Object.entries(headers)
      .filter(([name]) => !["date", "connection", "keep-alive", "content-length", "transfer-encoding", "content-type", "content-encoding"].includes(name))
      .map(([name, value]) => [name, name === "content-security-policy" ? value.replace(/'nonce-[^']+'/g, "") : value])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
  expect(comparable(again.headers())).toEqual(comparable(first.headers()));
  expect(again.headers()["content-security-policy"]).toContain("default-src");
});
