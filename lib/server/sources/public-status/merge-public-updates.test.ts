import { describe, expect, it } from "vitest";
import { getUpdateId, mergePublicUpdates } from "@/lib/server/sources/public-status/merge-public-updates";
import type { PublicUpdateRecord } from "@/lib/server/domain/public-status-records";

const base: PublicUpdateRecord = {
  key: "ec2-us-east-1",
  at: 100,
  status: "degraded",
  resolved: false,
  summary: "Increased Error Rates",
  message: "We are investigating.",
  origin: "rss",
};

describe("mergePublicUpdates", () => {
  it("keeps one record per key+epoch, preferring the currentevents status", () => {
    const rss = { ...base, guid: "https://status.aws.amazon.com/#ec2-us-east-1_100", rawTitle: "Service impact: Increased Error Rates" };
    const json: PublicUpdateRecord = { ...base, status: "disrupted", origin: "currentevents" };
    expect(mergePublicUpdates([rss, json])).toEqual([{ ...base, status: "disrupted", origin: "currentevents" }]);
    expect(mergePublicUpdates([json, rss])).toEqual([{ ...base, status: "disrupted", origin: "currentevents" }]);
  });

  it("keeps the RSS text when the currentevents text is empty", () => {
    const json: PublicUpdateRecord = { ...base, status: "disrupted", summary: "", message: " ", origin: "currentevents" };
    expect(mergePublicUpdates([base, json])).toEqual([{ ...base, status: "disrupted", origin: "currentevents" }]);
  });

  it("lets a later copy of the same origin win (RSS titles are edited in place)", () => {
    const edited: PublicUpdateRecord = { ...base, status: "operational", resolved: true };
    expect(mergePublicUpdates([base, edited])).toEqual([edited]);
  });

  it("drops extra fields such as guid and keeps first-appearance order", () => {
    const merged = mergePublicUpdates([{ ...base, at: 2 }, { ...base, at: 1, guid: "g" } as PublicUpdateRecord, { ...base, key: "s3-us-east-1", at: 2 }]);
    expect(merged.map(getUpdateId)).toEqual(["ec2-us-east-1_2", "ec2-us-east-1_1", "s3-us-east-1_2"]);
    expect(Object.keys(merged[1] ?? {})).not.toContain("guid");
  });
});
