import { describe, expect, it } from "vitest";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import { keepUnchangedServices } from "@/lib/client/keep-unchanged-services";

const service = (key: string, status: "operational" | "degraded" = "operational") => ({
  key,
  service: key.split("-")[0] ?? key,
  region: "us-east-1",
  name: key,
  status,
  since: null,
  account: null,
});
const response = (services: StatusResponse["services"], generatedAt = "2026-11-27T10:00:00Z"): StatusResponse => ({ generatedAt, simulated: false, sources: [], services, events: [] });

describe("keepUnchangedServices", () => {
  it("keeps the earlier array when the entries are equal, taking everything else from the newer response", () => {
    const previous = response([service("ec2-us-east-1"), service("s3-us-east-1")]);
    const next = response([service("ec2-us-east-1"), service("s3-us-east-1")], "2026-11-27T10:00:05Z");
    const kept = keepUnchangedServices(previous, next);
    expect(kept.services).toBe(previous.services);
    expect(kept.generatedAt).toBe("2026-11-27T10:00:05Z");
  });

  it("takes the newer array when a status, an entry or the order differs", () => {
    const previous = response([service("ec2-us-east-1"), service("s3-us-east-1")]);
    for (const services of [
      [service("ec2-us-east-1", "degraded"), service("s3-us-east-1")],
      [service("ec2-us-east-1")],
      [service("s3-us-east-1"), service("ec2-us-east-1")],
      [service("ec2-us-east-1"), { ...service("s3-us-east-1"), account: { openEvents: 1, affectedResources: 2 } }],
    ]) {
      const next = response(services as StatusResponse["services"]);
      expect(keepUnchangedServices(previous, next).services).toBe(next.services);
    }
  });
});
