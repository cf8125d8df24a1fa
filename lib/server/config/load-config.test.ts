import { describe, expect, it } from "vitest";
import { listPollIntervalWarnings, parseConfig } from "@/lib/server/config/load-config";

describe("parseConfig", () => {
  it("applies the documented defaults", () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HEALTHDECK_DATA_DIR).toBe("./data");
    expect(config.HEALTHDECK_PUBLIC_EVENTS_URL).toBe("https://health.aws.amazon.com/public/currentevents");
    expect(config.HEALTHDECK_PUBLIC_RSS_BASE_URL).toBe("https://status.aws.amazon.com/rss/");
    expect(config.HEALTHDECK_PUBLIC_POLL_SECONDS).toBe(60);
    expect(config.HEALTHDECK_RSS_POLL_SECONDS).toBe(300);
    expect(config.HEALTHDECK_REGIONS).toEqual([]);
    expect(listPollIntervalWarnings(config)).toEqual([]);
  });

  it("parses comma lists, adds the trailing slash and accepts 1 s intervals with a warning", () => {
    const config = parseConfig({
      HEALTHDECK_REGIONS: " eu-west-1, US-EAST-1 ,",
      HEALTHDECK_SERVICES: "ec2,rds",
      HEALTHDECK_PUBLIC_RSS_BASE_URL: "http://127.0.0.1:4010/rss",
      HEALTHDECK_PUBLIC_POLL_SECONDS: "1",
      HEALTHDECK_RSS_POLL_SECONDS: "",
    });
    expect(config.HEALTHDECK_REGIONS).toEqual(["eu-west-1", "us-east-1"]);
    expect(config.HEALTHDECK_SERVICES).toEqual(["ec2", "rds"]);
    expect(config.HEALTHDECK_PUBLIC_RSS_BASE_URL).toBe("http://127.0.0.1:4010/rss/");
    expect(config.HEALTHDECK_RSS_POLL_SECONDS).toBe(300);
    const warnings = listPollIntervalWarnings(config);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("HEALTHDECK_PUBLIC_POLL_SECONDS=1");
  });

  it("rejects bad values with a message naming the setting", () => {
    expect(() => parseConfig({ HEALTHDECK_PUBLIC_POLL_SECONDS: "0" })).toThrow(/HEALTHDECK_PUBLIC_POLL_SECONDS/);
    expect(() => parseConfig({ HEALTHDECK_PUBLIC_EVENTS_URL: "ftp://x" })).toThrow(/HEALTHDECK_PUBLIC_EVENTS_URL/);
    expect(() => parseConfig({ HEALTHDECK_REGIONS: "eu west 1" })).toThrow(/HEALTHDECK_REGIONS/);
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/PORT/);
  });
});
