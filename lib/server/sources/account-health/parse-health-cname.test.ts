import { describe, expect, it } from "vitest";
import { parseHealthCnameRegion } from "@/lib/server/sources/account-health/parse-health-cname";

describe("parseHealthCnameRegion", () => {
  it("takes the second label of the active endpoint, with or without the root dot", () => {
    expect(parseHealthCnameRegion("health.us-east-1.amazonaws.com")).toBe("us-east-1");
    expect(parseHealthCnameRegion("health.us-east-2.amazonaws.com.")).toBe("us-east-2");
    expect(parseHealthCnameRegion("HEALTH.US-EAST-2.AMAZONAWS.COM")).toBe("us-east-2");
    expect(parseHealthCnameRegion("health.us-east-1.api.aws")).toBe("us-east-1");
    expect(parseHealthCnameRegion("health.cn-northwest-1.amazonaws.com.cn")).toBe("cn-northwest-1");
  });

  it("refuses names that do not name a region", () => {
    expect(parseHealthCnameRegion("global.health.amazonaws.com")).toBeNull();
    expect(parseHealthCnameRegion("health.amazonaws.com")).toBeNull();
    expect(parseHealthCnameRegion("health.global.amazonaws.com")).toBeNull();
    expect(parseHealthCnameRegion("")).toBeNull();
  });
});
