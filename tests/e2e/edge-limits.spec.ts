import { rm } from "node:fs/promises";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_PORT_OFFSET } from "../../playwright.config";
import { startE2eApp, type E2eApp } from "../support/start-e2e-app";
import { buildHealthEvent, INGEST_TOKEN } from "./health-event";

/**
 * Limits over real HTTP, on an app of its own started with small limits and a separate ingest port. Two clients are
 * two loopback source addresses (127.0.0.1 and 127.0.0.2): the server tells them apart by the socket's peer.
 */
test.describe.configure({ mode: "serial" });

const PORT = 3110 + E2E_PORT_OFFSET;
const INGEST_PORT = 3111 + E2E_PORT_OFFSET;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA_DIR = "reports/e2e-edge-data";
const STREAMS_PER_CLIENT = 2;

let app: E2eApp | null = null;

test.beforeAll(async () => {
  await rm(DATA_DIR, { recursive: true, force: true });
  app = await startE2eApp({
    port: 3110,
    dataDir: DATA_DIR,
    env: { HEALTHDECK_STREAMS_PER_CLIENT: String(STREAMS_PER_CLIENT), HEALTHDECK_INGEST_PORT: String(INGEST_PORT), HEALTHDECK_INGEST_HOST: "127.0.0.1" },
  });
});

test.afterAll(async () => {
  await app?.stop();
});

interface OpenStream {
  status: number;
  body: string;
  close(): void;
}

/** Opens GET /api/v1/stream from a given local address and keeps it open (status known once headers arrive). */
function openStream(localAddress: string, scope: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${ORIGIN}/api/v1/stream?${scope}`, { localAddress, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (body.length < 2000) body += chunk;
      });
      res.on("error", () => undefined);
      const settle = () => resolve({ status: res.statusCode ?? 0, body, close: () => req.destroy() });
      if (res.statusCode === 200) setTimeout(settle, 100);
      else res.on("end", settle);
    });
    req.on("error", reject);
  });
}

test("one client gets 429 past its streams while another client still connects; a closed stream frees its slot", async () => {
  const mine: OpenStream[] = [];
  try {
    for (let index = 0; index < STREAMS_PER_CLIENT; index += 1) {
      const stream = await openStream("127.0.0.1", `region=eu-west-${index + 1}`);
      expect(stream.status).toBe(200);
      mine.push(stream);
    }
    // A forged X-Forwarded-For does not make the same socket peer another client.
    const over = await openStream("127.0.0.1", "region=eu-west-3", { "X-Forwarded-For": "203.0.113.9" });
    expect(over.status).toBe(429);
    expect(JSON.parse(over.body)).toEqual({ error: expect.stringContaining("too many open streams") });

    const other = await openStream("127.0.0.2", "region=eu-west-3");
    expect(other.status).toBe(200);
    other.close();

    mine.shift()?.close();
    await expect(async () => {
      const again = await openStream("127.0.0.1", "region=eu-west-3");
      again.close();
      expect(again.status).toBe(200);
    }).toPass({ timeout: 10_000 });
  } finally {
    for (const stream of mine) stream.close();
  }
});

test("a Host name the server does not know gets 421; the health check answers whatever the Host", async ({ request }) => {
  const rebound = await request.get(`${ORIGIN}/api/v1/status`, { headers: { Host: "attacker.example" } });
  expect(rebound.status()).toBe(421);
  expect((await rebound.json()).error).toContain("HEALTHDECK_ALLOWED_HOSTS");
  expect((await request.get(`${ORIGIN}/`, { headers: { Host: "attacker.example:3000" } })).status()).toBe(421);
  expect((await request.get(`${ORIGIN}/api/v1/health`, { headers: { Host: "10.9.8.7" } })).status()).toBe(200);
});

test("oversized pages and ranges on the list routes are 400 with a clear message", async ({ request }) => {
  const cases: [string, RegExp][] = [
    ["/api/v1/changes?limit=1001", /limit must be at most 1000/],
    ["/api/v1/notifications/deliveries?limit=501", /limit must be at most 500/],
    ["/api/v1/history?from=2020-01-01&to=2026-01-01", /at most 366 days apart/],
    ["/api/v1/account/events?from=2020-01-01&to=2026-01-01", /at most 366 days apart/],
    ["/api/v1/account/events/AAAAAAAAAAAA/entities?limit=50001", /limit/],
  ];
  for (const [path, message] of cases) {
    const response = await request.get(`${ORIGIN}${path}`);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).error, path).toMatch(message);
  }
});

test("with HEALTHDECK_INGEST_PORT, ingest is served on that port alone", async ({ request }) => {
  const event = buildHealthEvent({
    account: "123456789012",
    arn: `arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/PORT_${Date.now()}`,
    service: "EC2",
    code: "AWS_EC2_OPERATIONAL_ISSUE",
    category: "issue",
    status: "open",
    region: "us-east-1",
    description: "Via the ingest port.",
    communicationId: `port${Date.now()}`,
    startMs: Date.now() - 60_000,
    entities: [],
  });
  const headers = { "X-Healthdeck-Token": INGEST_TOKEN };
  const onMain = await request.post(`${ORIGIN}/api/v1/ingest/eventbridge`, { data: event, headers });
  expect(onMain.status()).toBe(404);
  expect((await onMain.json()).error).toContain("HEALTHDECK_INGEST_PORT");

  const ingestOrigin = `http://127.0.0.1:${INGEST_PORT}`;
  const stored = await request.post(`${ingestOrigin}/api/v1/ingest/eventbridge`, { data: event, headers });
  expect(stored.status()).toBe(200);
  expect(await stored.json()).toMatchObject({ accepted: 1, results: [{ outcome: "stored" }] });
  expect((await request.post(`${ingestOrigin}/api/v1/ingest/eventbridge`, { data: event })).status()).toBe(401);
  expect((await request.get(`${ingestOrigin}/api/v1/status`)).status()).toBe(404);
  expect((await request.get(`${ingestOrigin}/`)).status()).toBe(404);

  const listed = await request.get(`${ORIGIN}/api/v1/account/events`);
  expect(JSON.stringify(await listed.json())).toContain(event.detail.eventArn);
});
