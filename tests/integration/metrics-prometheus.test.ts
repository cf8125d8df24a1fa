import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEvent } from "@/lib/server/store/store-contract-fixtures";
import type { TestServer } from "@/tests/support/listen-test-server";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { checkMetricsWithPromtool, startPrometheus } from "@/tests/support/start-prometheus";
import { getMetricsText } from "@/lib/server/outputs/metrics/get-metrics-text";
import { startMetricsServer } from "@/lib/server/outputs/metrics/start-metrics-server";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { getAuthContext } from "@/lib/server/auth/authorize";
import { createApiToken, revokeToken } from "@/lib/server/auth/manage-tokens";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

// The route reads the process-wide runtime (get-runtime.ts): this stack's runtime is it.
const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
/** Off loopback for real: a mode where nobody is let in without credentials (no proxy sends an identity here). */
const SIGNED_IN_ONLY = { HEALTHDECK_AUTH: "proxy", HEALTHDECK_TRUSTED_PROXIES: "10.9.9.9", HEALTHDECK_ADMIN_GROUPS: "ops", HEALTHDECK_PUBLIC_BOARD: "private" };
const TOKEN = "metrics-test-token-0123456789";
const SECURITY_ARN = "arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/AWS_RISK_CREDENTIALS_EXPOSED_1";
let stack: PublicStack;
let server: TestServer;

beforeAll(async () => {
  // Listening off loopback: the token is required, as Prometheus sends it.
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, env: { ...SIGNED_IN_ONLY, HEALTHDECK_OUTPUTS_TOKEN: TOKEN } });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  const metrics = await import("@/app/metrics/route");
  server = await listenFetchHandler((request) => metrics.GET(request));
});

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await server?.close();
  await stack?.close();
});

const scrape = async (token: string | null = TOKEN) => {
  const response = await fetch(`${server.url}/metrics`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
  return { status: response.status, contentType: response.headers.get("content-type"), text: await response.text() };
};

/** The store figures are rebuilt off the scrape's path: scrape until they show the latest change (their age is 0). */
const scrapeCurrent = async () => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const scraped = await scrape();
    if (/^healthdeck_metrics_snapshot_age_seconds 0$/m.test(scraped.text) || Date.now() > deadline) return scraped;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("GET /metrics", () => {
  it("asks for the token off loopback, and refuses a wrong one", async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape("not-the-token-at-all")).status).toBe(401);
    expect((await scrape()).status).toBe(200);
  });

  it("passes promtool check metrics, with Prometheus names and no ARN in any label", async () => {
    await stack.pollAll();
    stack.simulator.step();
    await stack.pollAll();
    await stack.runtime.store.write((tx) =>
      tx.accountEvents.upsertEvents(
        [
          accountEvent({ startTime: stack.runtime.now() + 3_600_000 }),
          accountEvent({ arn: SECURITY_ARN, service: "RISK", eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED", category: "issue", status: "open", region: null }),
        ],
        stack.runtime.now(),
      ),
    );
    const { status, contentType, text } = await scrapeCurrent();
    expect(status).toBe(200);
    expect(text).toMatch(/^healthdeck_metrics_snapshot_age_seconds 0$/m);
    expect(contentType).toContain("text/plain; version=0.0.4");
    const lint = checkMetricsWithPromtool(text);
    expect(lint.output).toBe("");
    expect(lint.status).toBe(0);
    expect(text).not.toContain("arn:aws");
    expect(text).not.toContain("123456789012");
    expect(text).toMatch(/^healthdeck_service_status\{service="ec2",region="us-east-1",status="(degraded|disrupted|informational)"\} 1$/m);
    expect(text).toMatch(/^healthdeck_security_events_open 1$/m);
    expect(text).toMatch(/^healthdeck_scheduled_changes_upcoming\{service="EC2",region="us-east-1"\} 1$/m);
    const next = Number(/^healthdeck_scheduled_change_next_seconds (\S+)$/m.exec(text)?.[1]);
    expect(next).toBeGreaterThan(3000);
    expect(next).toBeLessThanOrEqual(3600);
    expect(text).toMatch(/^healthdeck_source_last_success_timestamp_seconds\{source="public-currentevents"\} \d+/m);
    expect(text).toMatch(/^healthdeck_source_poll_duration_seconds_count\{source="public-currentevents"\} 2$/m);
    expect(text).toMatch(/^healthdeck_replica_role\{role="single"\} 1$/m);
    expect(text).toMatch(/^healthdeck_build_info\{version="[^"]+",node_version="v\d+/m);
  });

  it("counts a failed poll by reason", async () => {
    stack.simulator.setFault({ kind: "status", status: 404 }, "currentevents");
    await stack.runtime.poller.runNow("public-currentevents");
    stack.simulator.setFault(null, "currentevents");
    const { text } = await scrape();
    expect(text).toMatch(/^healthdeck_source_poll_errors_total\{source="public-currentevents",reason="http"\} 1$/m);
  });

  it("is scraped by a real Prometheus, and PromQL sees the incident", async () => {
    const prometheus = await startPrometheus({ target: new URL(`${server.url}/metrics`), bearerToken: TOKEN });
    try {
      let impaired: Awaited<ReturnType<typeof prometheus.query>> = [];
      const deadline = Date.now() + 30_000;
      while (impaired.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        impaired = await prometheus.query('healthdeck_service_status{status!="operational",region="us-east-1"} == 1');
      }
      expect(impaired.map((sample) => sample.metric.service)).toContain("ec2");
      const up = await prometheus.query('up{job="healthdeck"}');
      expect(up.map((sample) => sample.value[1])).toEqual(["1"]);
      const security = await prometheus.query("sum(healthdeck_security_events_open) > 0");
      expect(security).toHaveLength(1);
    } finally {
      await prometheus.stop();
    }
  });

  it("serves the same metrics on a port of its own, to the same principals: API tokens with the metrics scope, the static token, loopback", async () => {
    const authContext = getAuthContext();
    const metricsServer = await startMetricsServer({ host: "127.0.0.1", port: 0, token: TOKEN, authContext, render: getMetricsText, logger: silentLogger });
    try {
      const address = metricsServer.address();
      const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      const scrapePort = (bearer?: string) => fetch(`${url}/metrics`, { headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` } });
      const prometheus = await createApiToken(authContext, { name: "prometheus", scopes: ["metrics"], accounts: [], expiresInDays: 0 }, "test", null);
      const reader = await createApiToken(authContext, { name: "feed reader", scopes: ["feeds"], accounts: [], expiresInDays: 0 }, "test", null);
      const byToken = await scrapePort(prometheus.secret);
      expect(byToken.status).toBe(200);
      expect(checkMetricsWithPromtool(await byToken.text()).status).toBe(0);
      expect((await scrapePort(reader.secret)).status).toBe(403);
      expect((await scrapePort(TOKEN)).status).toBe(200);
      expect((await scrapePort("wrong-token")).status).toBe(401);
      expect((await scrapePort("hda_unknown")).status).toBe(401);
      expect((await scrapePort()).status).toBe(200);
      await revokeToken(authContext, prometheus.record.id, "test", null);
      expect((await scrapePort(prometheus.secret)).status).toBe(401);
      expect((await fetch(`${url}/api/v1/status`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => metricsServer.close(resolve));
    }
  });

  it("takes API tokens with the metrics scope on the main port too", async () => {
    const prometheus = await createApiToken(getAuthContext(), { name: "prometheus main", scopes: ["metrics"], accounts: [], expiresInDays: 0 }, "test", null);
    expect((await scrape(prometheus.secret)).status).toBe(200);
  });

  it("docs/metrics.md lists every family, its alert rules pass promtool, and the Grafana dashboard uses only these metrics", async () => {
    const text = (await scrape()).text;
    const families = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1] ?? ""));
    const docs = readFileSync(path.join(process.cwd(), "docs/metrics.md"), "utf8");
    const documented = new Set([...docs.matchAll(/^\| `(healthdeck_[a-z_]+)` \|/gm)].map((match) => match[1] ?? ""));
    expect([...documented].sort()).toEqual([...families].sort());
    const rules = /```yaml\n(groups:[\s\S]*?)```/.exec(docs)?.[1] ?? "";
    const dir = mkdtempSync(path.join(tmpdir(), "healthdeck-rules-"));
    try {
      writeFileSync(path.join(dir, "rules.yml"), rules);
      const checked = spawnSync("/usr/bin/promtool", ["check", "rules", path.join(dir, "rules.yml")], { encoding: "utf8" });
      expect(checked.stdout).toContain("SUCCESS");
      expect(checked.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const known = new Set([...families].flatMap((family) => [family, `${family}_bucket`, `${family}_sum`, `${family}_count`]));
    const dashboard = readFileSync(path.join(process.cwd(), "docs/grafana/healthdeck.json"), "utf8");
    const used = [...dashboard.matchAll(/healthdeck_[a-z_]+/g)].map((match) => match[0]);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !known.has(name))).toEqual([]);
    for (const rule of [...rules.matchAll(/healthdeck_[a-z_]+/g)].map((match) => match[0])) expect(known.has(rule), rule).toBe(true);
  });
});
