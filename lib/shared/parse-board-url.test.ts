import { describe, expect, it } from "vitest";
import { buildStatusApiKey, isFilterEmpty, serializeBoardUrl } from "@/lib/shared/board-url";
import { parseBoardUrl } from "@/lib/shared/parse-board-url";
import { statusFilterToSearchParams, type StatusFilter } from "@/lib/shared/status-filter";

describe("parseBoardUrl", () => {
  it("reads the filter and the client-only name search", () => {
    const state = parseBoardUrl(new URLSearchParams("region=eu-west-1,us-east-1&service=ec2&status=degraded,disrupted&q=lamb"));
    expect(state).toEqual({
      filter: { regions: ["eu-west-1", "us-east-1"], services: ["ec2"], statuses: ["degraded", "disrupted"] },
      q: "lamb",
      error: null,
    });
  });

  it("reports invalid params and falls back to no filter, keeping q", () => {
    const state = parseBoardUrl({ status: "broken", q: "s3" });
    expect(state.filter).toEqual({ regions: [], services: [], statuses: [] });
    expect(state.q).toBe("s3");
    expect(state.error).toMatch(/status must be one of operational/);
  });
});

describe("serializeBoardUrl and buildStatusApiKey", () => {
  const filter: StatusFilter = { regions: ["eu-west-1", "us-east-1"], services: ["ec2"], statuses: ["degraded"] };

  it("round-trips through parseBoardUrl with readable commas", () => {
    const query = serializeBoardUrl(filter, "lamb da");
    expect(query).toBe("region=eu-west-1,us-east-1&service=ec2&status=degraded&q=lamb+da");
    expect(parseBoardUrl(new URLSearchParams(query))).toEqual({ filter, q: "lamb da", error: null });
  });

  it("writes the filter exactly as the shared statusFilterToSearchParams does (same cache keys as the server)", () => {
    for (const sample of [filter, { regions: ["global"], services: [], statuses: ["unknown" as const, "disrupted" as const] }]) {
      expect(new URLSearchParams(serializeBoardUrl(sample, "")).toString()).toBe(statusFilterToSearchParams(sample).toString());
    }
  });

  it("keeps q out of the API key", () => {
    expect(buildStatusApiKey(filter)).toBe("/api/v1/status?region=eu-west-1,us-east-1&service=ec2&status=degraded");
    expect(buildStatusApiKey({ regions: [], services: [], statuses: [] })).toBe("/api/v1/status");
    expect(isFilterEmpty({ regions: [], services: [], statuses: [] })).toBe(true);
    expect(isFilterEmpty(filter)).toBe(false);
  });
});
