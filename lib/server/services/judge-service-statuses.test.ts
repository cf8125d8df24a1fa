import { describe, expect, it } from "vitest";
import type { SourceHealth } from "@/lib/shared/public-status-contract";
import type { HealthStatus } from "@/lib/shared/health-status";
import type { StoredPublicEvent } from "@/lib/server/store/contract/store-records";
import { createCatalog, loadBundledCatalog } from "@/lib/server/sources/catalog/create-catalog";
import { judgeServiceStatuses, summariseServiceStatuses } from "@/lib/server/services/judge-service-statuses";

const source = (state: SourceHealth["state"]): SourceHealth[] => [
  { id: "public-currentevents", label: "AWS public events", state, lastSuccessAt: "2026-12-07T10:00:00.000Z", lastAttemptAt: "2026-12-07T10:00:00.000Z", error: null, intervalSeconds: 60 },
];

const event = (key: string, status: HealthStatus, impacted: StoredPublicEvent["impacted"] = []): StoredPublicEvent => ({
  id: `${key}_1`,
  arn: null,
  key,
  service: key.split("-")[0] ?? key,
  region: null,
  status,
  summary: "Trouble",
  resolved: false,
  startedAt: 1_764_000_000,
  endedAt: null,
  lastUpdateAt: 1_764_000_000,
  impacted,
  updates: [],
});

const EVENTS = [
  event("ec2-us-east-1", "degraded", [{ key: "lambda-us-east-1", name: "AWS Lambda", status: "disrupted", maxStatus: "disrupted", changedAt: null }]),
  event("newthing-eu-west-1", "informational"),
  event("s3-us-west-2", "operational"),
];

/** What the metrics need, computed the slow way: every service judged. */
function summariseSlowly(...args: Parameters<typeof judgeServiceStatuses>) {
  const judged = judgeServiceStatuses(...args);
  const counts = new Map<HealthStatus, number>();
  for (const service of judged) counts.set(service.status, (counts.get(service.status) ?? 0) + 1);
  const impaired = judged.filter((service) => service.status !== "operational").map((service) => service.key).sort();
  return { counts: Object.fromEntries(counts), impaired };
}

describe("summariseServiceStatuses", () => {
  const catalog = loadBundledCatalog();

  it.each([
    ["fresh, whole catalogue", { regions: [], services: [] }, "ok"],
    ["fresh, scoped", { regions: ["us-east-1"], services: [] }, "ok"],
    ["fresh, scoped to services", { regions: [], services: ["lambda", "newthing"] }, "ok"],
    ["stale: nothing may look green", { regions: ["eu-west-1"], services: [] }, "stale"],
  ] as const)("agrees with judging every service (%s)", (_, scope, state) => {
    const summary = summariseServiceStatuses(catalog, scope, EVENTS, source(state));
    expect({ counts: Object.fromEntries(summary.countsByStatus), impaired: summary.impaired.map((service) => service.key).sort() }).toEqual(
      summariseSlowly(catalog, scope, EVENTS, source(state)),
    );
  });

  it("judges only the services open events touch while the data is fresh, and counts the rest operational", () => {
    const small = createCatalog([
      { key: "ec2-us-east-1", service: "ec2", region: "us-east-1", name: "Amazon EC2", regionName: null },
      { key: "ec2-us-east-1", service: "ec2", region: "us-east-1", name: "Amazon EC2 (again)", regionName: null },
      { key: "s3-us-east-1", service: "s3", region: "us-east-1", name: "Amazon S3", regionName: null },
    ]);
    const summary = summariseServiceStatuses(small, { regions: [], services: [] }, [event("ec2-us-east-1", "degraded"), event("newthing-eu-west-1", "disrupted")], source("ok"));
    expect(Object.fromEntries(summary.countsByStatus)).toEqual({ operational: 1, degraded: 1, disrupted: 1 });
    expect(summary.impaired.map((service) => [service.key, service.status])).toEqual([
      ["ec2-us-east-1", "degraded"],
      ["newthing-eu-west-1", "disrupted"],
    ]);
  });
});
