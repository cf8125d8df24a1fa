import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  SNAPSHOT_PATH,
  buildServicesSnapshot,
  formatServicesSnapshot,
} from "@/lib/server/sources/catalog/generate-services-snapshot";
import { SNAPSHOT_REGIONS, SNAPSHOT_SERVICES } from "@/lib/server/sources/catalog/services-snapshot-source";
import { parseCurrentEvents } from "@/lib/server/sources/public-status/parse-current-events";
import { parseRssFeed } from "@/lib/server/sources/public-status/parse-rss-feed";
import { readFixtureBytes, readFixtureText } from "@/tests/support/read-public-status-fixture";

const entries = buildServicesSnapshot();
const keys = new Set(entries.map((entry) => entry.service));

describe("buildServicesSnapshot", () => {
  it("matches the committed services-snapshot.json byte for byte (regenerate after editing the source)", () => {
    expect(readFileSync(SNAPSHOT_PATH, "utf8")).toBe(formatServicesSnapshot(entries));
  });

  it("covers ~250 services × ~36 regions in about 5,000–6,000 unique pairs", () => {
    expect(entries.length).toBeGreaterThanOrEqual(5000);
    expect(entries.length).toBeLessThanOrEqual(6500);
    expect(keys.size).toBe(entries.length);
    expect(SNAPSHOT_SERVICES.length).toBeGreaterThanOrEqual(240);
    expect(new Set(SNAPSHOT_SERVICES.map((service) => service.slug)).size).toBe(SNAPSHOT_SERVICES.length);
    expect(SNAPSHOT_REGIONS).toHaveLength(36);
    expect(new Set(entries.map((entry) => entry.region_id))).toEqual(new Set(["", ...SNAPSHOT_REGIONS.map((region) => region.code)]));
  });

  it("lists multipleservices for every region and the true globals with an empty region", () => {
    for (const region of SNAPSHOT_REGIONS) expect(keys).toContain(`multipleservices-${region.code}`);
    for (const slug of ["route53", "cloudfront", "management-console", "iam", "organizations"]) {
      expect(entries.find((entry) => entry.service === slug)).toMatchObject({ region_id: "", region_name: "Global" });
    }
    expect(entries.find((entry) => entry.service === "ec2-us-east-1")).toEqual({
      service: "ec2-us-east-1",
      service_name: "Amazon Elastic Compute Cloud",
      region_id: "us-east-1",
      region_name: "N. Virginia",
    });
    expect(entries.find((entry) => entry.service === "multipleservices-me-central-1")?.region_name).toBe("UAE");
  });

  it("gives newer regions fewer services than the oldest ones", () => {
    const count = (region: string) => entries.filter((entry) => entry.region_id === region).length;
    expect(count("us-east-1")).toBeGreaterThan(200);
    expect(count("ap-southeast-6")).toBeLessThan(count("me-central-1"));
    expect(count("me-central-1")).toBeLessThan(count("us-east-1"));
  });

  it("contains every service key seen in the real captures (currentevents impacted services, RSS guids)", async () => {
    const { events } = parseCurrentEvents(readFixtureBytes("raw"));
    const seen = new Set(events.flatMap((event) => [event.key, ...event.impacted.map((item) => item.key)]));
    for (const name of ["all26", "ath25", "ec2of2019", "all15a"] as const) {
      for (const item of (await parseRssFeed(readFixtureText(name))).items) seen.add(item.key);
    }
    expect(seen.size).toBeGreaterThan(290);
    expect([...seen].filter((key) => !keys.has(key))).toEqual([]);
    expect(keys).toContain("connect-eu-west-2");
  });
});
