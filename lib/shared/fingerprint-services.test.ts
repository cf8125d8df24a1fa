import { describe, expect, it } from "vitest";
import type { ServiceStatus } from "@/lib/shared/public-status-contract";
import { fingerprintServices } from "@/lib/shared/fingerprint-services";

const ec2: ServiceStatus = { key: "ec2-us-east-1", service: "ec2", region: "us-east-1", name: "Amazon EC2", status: "operational", since: null, account: null };

describe("fingerprintServices", () => {
  it("is the same for equal services, whatever the objects", () => {
    expect(fingerprintServices([ec2])).toBe(fingerprintServices([{ ...ec2 }]));
  });

  it("changes with a status, its start or an account mark", () => {
    const base = fingerprintServices([ec2]);
    expect(fingerprintServices([{ ...ec2, status: "degraded" }])).not.toBe(base);
    expect(fingerprintServices([{ ...ec2, since: "2026-08-18T11:48:00Z" }])).not.toBe(base);
    expect(fingerprintServices([{ ...ec2, account: { openEvents: 1, affectedResources: 0 } }])).not.toBe(base);
  });
});
