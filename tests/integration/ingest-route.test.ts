import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSampleText } from "@/tests/fixtures/account-health/eventbridge-samples";
import { INGEST_TOKEN, INGEST_URL } from "@/tests/fixtures/account-health/ingest-test-kit";

type RouteModule = typeof import("@/app/api/v1/ingest/eventbridge/route");
type RuntimeModule = typeof import("@/lib/server/runtime/get-runtime");

const dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-ingest-route-"));
let route: RouteModule;
let runtimeModule: RuntimeModule;

beforeAll(async () => {
  // The route reads its settings and store from the process, as under `next start`.
  process.env.HEALTHDECK_DATA_DIR = dataDir;
  process.env.HEALTHDECK_INGEST_TOKEN = INGEST_TOKEN;
  process.env.HEALTHDECK_POLLER = "off";
  route = await import("@/app/api/v1/ingest/eventbridge/route");
  runtimeModule = await import("@/lib/server/runtime/get-runtime");
});

afterAll(async () => {
  await runtimeModule.getRuntime().close();
  const holder = globalThis as Record<symbol, unknown>;
  delete holder[Symbol.for("healthdeck.runtime")];
  delete holder[Symbol.for("healthdeck.config")];
  rmSync(dataDir, { recursive: true, force: true });
});

describe("app/api/v1/ingest/eventbridge/route.ts", () => {
  it("is a dynamic Node.js route that stores into the process's runtime store", async () => {
    expect(route.runtime).toBe("nodejs");
    expect(route.dynamic).toBe("force-dynamic");
    const response = await route.POST(
      new Request(INGEST_URL, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Healthdeck-Token": INGEST_TOKEN },
        body: readSampleText("lambdaPage1of10"),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ accepted: 1, results: [{ outcome: "stored", page: 1, totalPages: 10, receivedPages: 1, isComplete: false }] });
    const stored = await runtimeModule.getRuntime().store.accountEvents.listEvents({
      categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: ["AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT"], from: null, to: null, search: null, limit: 10,
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.entityCounts.total).toBe(4);
  });

  it("refuses a request without the token", async () => {
    const response = await route.POST(
      new Request(INGEST_URL, { method: "POST", headers: { "Content-Type": "application/json" }, body: readSampleText("publicIssue") }),
    );
    expect(response.status).toBe(401);
  });
});
