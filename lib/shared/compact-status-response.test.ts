import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compactStatusResponse, expandStatusResponse } from "@/lib/shared/compact-status-response";
import { statusResponseSchema, type ServiceStatus } from "@/lib/shared/public-status-contract";

const fixture = statusResponseSchema.parse(
  JSON.parse(readFileSync(new URL("../../tests/fixtures/ui/status-response.json", import.meta.url), "utf8")),
);
const byKey = (a: ServiceStatus, b: ServiceStatus) => a.key.localeCompare(b.key);

describe("compactStatusResponse", () => {
  it("round-trips the fixture without losing an entry", () => {
    const expanded = expandStatusResponse(compactStatusResponse(fixture));
    expect(expanded.services.toSorted(byKey)).toEqual(fixture.services.toSorted(byKey));
    expect(expanded.events).toEqual(fixture.events);
    expect(expanded.sources).toEqual(fixture.sources);
  });

  it("packs only plain operational entries and keeps the rest verbatim", () => {
    const compact = compactStatusResponse(fixture);
    expect(compact.others.every((entry) => entry.status !== "operational")).toBe(true);
    expect(compact.others).toHaveLength(7);
    expect(compact.regions).toContain(null);
  });

  it("keeps entries whose key, name or since would not survive packing", () => {
    const odd: ServiceStatus[] = [
      { key: "s3-us-standard", service: "s3", region: "us-east-1", name: "Amazon S3", status: "operational", since: null, account: null },
      { key: "s3-eu-west-1", service: "s3", region: "eu-west-1", name: "Amazon S3", status: "operational", since: null, account: null },
      { key: "s3-eu-west-2", service: "s3", region: "eu-west-2", name: "S3 (renamed)", status: "operational", since: null, account: null },
      { key: "sqs-eu-west-1", service: "sqs", region: "eu-west-1", name: "SQS", status: "operational", since: "2026-08-18T10:00:00Z", account: null },
    ];
    const compact = compactStatusResponse({ ...fixture, services: odd });
    expect(compact.others.map((entry) => entry.key)).toEqual(["s3-us-standard", "s3-eu-west-2", "sqs-eu-west-1"]);
    expect(expandStatusResponse(compact).services.toSorted(byKey)).toEqual(odd.toSorted(byKey));
  });

  it("is much smaller than the plain response at AWS scale", () => {
    const services: ServiceStatus[] = [];
    for (let s = 0; s < 270; s += 1)
      for (let r = 0; r < 22; r += 1)
        services.push({ key: `svc${s}-reg-${r}`, service: `svc${s}`, region: `reg-${r}`, name: `Amazon Service Number ${s}`, status: "operational", since: null, account: null });
    const plain = JSON.stringify({ ...fixture, services }).length;
    const packed = JSON.stringify(compactStatusResponse({ ...fixture, services })).length;
    expect(packed).toBeLessThan(plain / 8);
  });
});
