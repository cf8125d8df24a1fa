import { describe, expect, it } from "vitest";
import { extractArnRegion, parseCurrentEvents } from "@/lib/server/sources/public-status/parse-current-events";
import { deriveArnEventId, deriveRssEventId } from "@/lib/server/sources/public-status/derive-public-event-id";
import { PublicStatusParseError } from "@/lib/server/sources/public-status/public-status-parse-error";
import { readFixtureBytes } from "@/tests/support/read-public-status-fixture";

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const utf8 = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));

function utf16le(text: string): Uint8Array {
  const bytes = [0xff, 0xfe];
  for (let index = 0; index < text.length; index += 1) bytes.push(text.charCodeAt(index) & 0xff, text.charCodeAt(index) >> 8);
  return Uint8Array.from(bytes);
}

const UAE_ARN =
  "arn:aws:health:me-central-1::event/MULTIPLE_SERVICES/AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE/AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE_5E6B8_EF2498889B5";

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    date: "1772369485",
    arn: "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_ABCDE_0123456789A",
    region_name: "N. Virginia",
    status: "2",
    service: "ec2-us-east-1",
    service_name: "Amazon Elastic Compute Cloud",
    summary: "Increased API Error Rates",
    event_log: [
      { summary: "Increased API Error Rates", message: "We are investigating.", status: 1, timestamp: 1772369485 },
      { summary: "Increased API Error Rates", message: "We have identified the cause.", status: 2, timestamp: 1772373085 },
    ],
    ...overrides,
  };
}

describe("parseCurrentEvents on the real capture", () => {
  const parsed = parseCurrentEvents(readFixtureBytes("raw"));

  it("parses the UTF-16BE bytes into the same records as the pretty UTF-8 copy, with nothing skipped", () => {
    expect(parsed.skipped).toEqual([]);
    expect(parsed.events).toHaveLength(2);
    expect(parseCurrentEvents(readFixtureBytes("ce2"))).toEqual(parsed);
  });

  it("maps the UAE event: region from the ARN, open and disrupted, 23 updates newest first", () => {
    const uae = parsed.events[0];
    expect(uae).toMatchObject({
      arn: UAE_ARN,
      key: "multipleservices-me-central-1",
      region: "me-central-1",
      serviceName: "Multiple services",
      status: "disrupted",
      resolved: false,
      summary: "Increased Error Rates",
      endedAt: null,
    });
    expect(iso(uae?.startedAt ?? 0)).toBe("2026-03-01T12:51:25.000Z");
    const updates = uae?.updates ?? [];
    expect(updates).toHaveLength(23);
    expect(updates.map((update) => update.at)).toEqual([...updates.map((update) => update.at)].sort((a, b) => b - a));
    expect(iso(updates[0]?.at ?? 0)).toBe("2026-04-30T07:25:54.000Z");
    expect(updates[0]).toMatchObject({ key: "multipleservices-me-central-1", status: "disrupted", resolved: false, origin: "currentevents" });
    expect(updates.at(-1)).toMatchObject({ at: 1772369485, status: "degraded", summary: "Increased Error Rates", message: "We are investigating issues with AWS services in the ME-CENTRAL-1 Region." });
    expect(updates.filter((update) => update.status === "degraded")).toHaveLength(5);
    expect(updates.filter((update) => update.status === "disrupted")).toHaveLength(18);
    expect(updates.every((update) => !update.resolved && update.origin === "currentevents")).toBe(true);
    expect(updates.some((update) => /[<>]/.test(update.message))).toBe(false);
  });

  it("maps impacted services: route53 recovered (current 0, max 2) with its millisecond change time in seconds", () => {
    const uae = parsed.events[0];
    expect(uae?.impacted).toHaveLength(140);
    expect(uae?.impacted.find((item) => item.key === "route53")).toEqual({
      key: "route53",
      name: "Amazon Route 53",
      status: "operational",
      maxStatus: "degraded",
      changedAt: 1778054773,
    });
    expect(iso(1778054773)).toBe("2026-05-06T08:06:13.000Z");
    expect(uae?.impacted.find((item) => item.key === "acm-pca-me-central-1")).toMatchObject({
      name: "AWS Private Certificate Authority",
      changedAt: 1772369485,
    });
    expect(uae?.impacted.find((item) => item.key === "ec2-me-central-1")).toMatchObject({ name: "Amazon Elastic Compute Cloud", status: "disrupted", maxStatus: "disrupted" });
    const recovered = uae?.impacted.filter((item) => ["route53", "cloudfront", "management-console"].includes(item.key)) ?? [];
    expect(recovered.map((item) => item.status)).toEqual(["operational", "operational", "operational"]);
  });

  it("maps the Bahrain event with 13 updates and 149 impacted services", () => {
    const bahrain = parsed.events[1];
    expect(bahrain).toMatchObject({ key: "multipleservices-me-south-1", region: "me-south-1", status: "disrupted", resolved: false });
    expect(iso(bahrain?.startedAt ?? 0)).toBe("2026-03-02T05:56:27.000Z");
    expect(bahrain?.updates).toHaveLength(13);
    expect(bahrain?.updates[0]?.summary).toBe("Increased Connectivity Issues and API Error Rates");
    expect(bahrain?.updates.at(-1)?.summary).toBe("Increased connectivity issues and API Error Rates");
    expect(bahrain?.impacted).toHaveLength(149);
    expect(bahrain?.impacted.find((item) => item.key === "route53")).toMatchObject({ status: "operational", maxStatus: "degraded", changedAt: 1778053812 });
  });
});

describe("parseCurrentEvents on synthetic payloads", () => {
  it("returns no events for [] in every encoding", () => {
    expect(parseCurrentEvents(Uint8Array.from([0xfe, 0xff, 0x00, 0x5b, 0x00, 0x5d]))).toEqual({ events: [], skipped: [] });
    expect(parseCurrentEvents(utf16le("[]"))).toEqual({ events: [], skipped: [] });
    expect(parseCurrentEvents(Uint8Array.from([0xef, 0xbb, 0xbf, 0x5b, 0x5d]))).toEqual({ events: [], skipped: [] });
  });

  it("rejects a non-array body so the source becomes unknown, never green", () => {
    expect(() => parseCurrentEvents(utf8({ events: [] }))).toThrow("currentevents is not an array (got object)");
    expect(() => parseCurrentEvents(utf8("null"))).toThrow(PublicStatusParseError);
    expect(() => parseCurrentEvents(utf8('"[]"'))).toThrow(/not an array/);
  });

  it("rejects truncated or empty JSON with a PublicStatusParseError", () => {
    const truncated = readFixtureBytes("raw").slice(0, 5000);
    expect(() => parseCurrentEvents(truncated)).toThrow(PublicStatusParseError);
    expect(() => parseCurrentEvents(new Uint8Array())).toThrow(/invalid JSON/);
    expect(() => parseCurrentEvents(utf8("<html>503</html>"))).toThrow(/invalid JSON/);
  });

  it("parses UTF-16LE with a BOM", () => {
    const { events } = parseCurrentEvents(utf16le(JSON.stringify([event()])));
    expect(events[0]).toMatchObject({ key: "ec2-us-east-1", region: "us-east-1", status: "degraded", resolved: false });
  });

  it("skips and reports a malformed event without dropping the others", () => {
    const { events, skipped } = parseCurrentEvents(utf8([event(), { service: "s3-us-east-1" }, "junk", event({ service: "sqs-us-east-1" })]));
    expect(events.map((item) => item.key)).toEqual(["ec2-us-east-1", "sqs-us-east-1"]);
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toMatchObject({ index: 1, path: "", reason: expect.stringContaining("date") });
    expect(skipped[1]).toMatchObject({ index: 2, path: "" });
  });

  it("keeps an event without an arn (the 2023 shape) under its service key and start time, the id RSS gives it", () => {
    const withoutArn = event({ service: "s3-eu-west-1", date: "1690000000" });
    delete withoutArn.arn;
    const { events, skipped } = parseCurrentEvents(utf8([withoutArn, event()]));
    expect(skipped).toEqual([]);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ key: "s3-eu-west-1", region: "eu-west-1", startedAt: 1690000000, status: "degraded" });
    expect(deriveArnEventId(events[0]?.arn ?? "")).toBe(deriveRssEventId("s3-eu-west-1", 1690000000));
    expect(events[1]?.arn).toMatch(/^arn:aws:health:us-east-1::event/);
  });

  it("skips a malformed event_log entry but keeps the event and its other updates", () => {
    const log = [{ summary: "a", message: "b", status: 1, timestamp: "1772369485" }, { summary: "no time", status: 1 }];
    const { events, skipped } = parseCurrentEvents(utf8([event({ event_log: log })]));
    expect(events[0]?.updates).toHaveLength(1);
    expect(events[0]?.updates[0]?.at).toBe(1772369485);
    expect(skipped).toEqual([{ index: 0, path: "event_log[1]", reason: expect.stringContaining("timestamp") }]);
  });

  it.each([
    ["end_time", { end_time: "1772380000" }],
    ["status 0", { status: "0" }],
    ["[RESOLVED] summary", { summary: "[RESOLVED] Increased API Error Rates" }],
  ])("detects resolution from %s: operational, last update resolved", (_label, overrides) => {
    const resolvedEvent = parseCurrentEvents(utf8([event(overrides)])).events[0];
    expect(resolvedEvent).toMatchObject({ resolved: true, status: "operational", summary: "Increased API Error Rates" });
    expect(resolvedEvent?.updates[0]).toMatchObject({ at: 1772373085, resolved: true, status: "operational" });
    expect(resolvedEvent?.updates[1]).toMatchObject({ at: 1772369485, resolved: false, status: "degraded" });
  });

  it("keeps endedAt from end_time and ignores (and reports) an unreadable end_time", () => {
    expect(parseCurrentEvents(utf8([event({ end_time: "1772380000" })])).events[0]?.endedAt).toBe(1772380000);
    const { events, skipped } = parseCurrentEvents(utf8([event({ end_time: "never" })]));
    expect(events[0]).toMatchObject({ resolved: false, status: "degraded", endedAt: null });
    expect(skipped).toEqual([{ index: 0, path: "end_time", reason: 'not an epoch: "never"' }]);
  });

  it("coerces numbers given as strings and strings given as numbers, and ignores unknown fields", () => {
    const { events } = parseCurrentEvents(
      utf8([event({ date: 1772369485, status: 3, extra: { nested: true }, event_log: [{ message: "m", status: "3", timestamp: 1772369485, foo: 1 }] })]),
    );
    expect(events[0]).toMatchObject({ startedAt: 1772369485, status: "disrupted" });
    expect(events[0]?.updates[0]).toMatchObject({ status: "disrupted", summary: "", message: "m" });
  });

  it("maps an unknown level to unknown, never operational", () => {
    expect(parseCurrentEvents(utf8([event({ status: "9" })])).events[0]?.status).toBe("unknown");
    expect(parseCurrentEvents(utf8([event({ status: undefined })])).events[0]?.status).toBe("unknown");
  });

  it("tolerates missing optional blocks and converts HTML in messages to text", () => {
    const { events } = parseCurrentEvents(
      utf8([event({ event_log: [{ summary: "s", message: "See <a href=\"https://x\">here</a>&lt;br&gt;next", status: 1, timestamp: 5 }], impacted_services: undefined })]),
    );
    expect(events[0]?.impacted).toEqual([]);
    expect(events[0]?.updates[0]?.message).toBe("See here\nnext");
  });

  it("takes changedAt from the latest status change of each key, in seconds", () => {
    const { events } = parseCurrentEvents(
      utf8([
        event({
          impacted_services: { "s3-us-east-1": { service_name: "Amazon S3", current: "1", max: "3" }, "sqs-us-east-1": { current: "2" } },
          impacted_service_status_changes: [
            { service: "s3-us-east-1", previous_status: "0", current_status: "3", timestamp: 1772369485000 },
            { service: "s3-us-east-1", previous_status: "3", current_status: "1", timestamp: 1772379485000 },
            { service: "sqs-us-east-1", previous_status: "0", current_status: "2", timestamp: "bad" },
          ],
        }),
      ]),
    );
    expect(events[0]?.impacted).toEqual([
      { key: "s3-us-east-1", name: "Amazon S3", status: "degraded", maxStatus: "disrupted", changedAt: 1772379485 },
      { key: "sqs-us-east-1", name: "sqs-us-east-1", status: "degraded", maxStatus: "unknown", changedAt: null },
    ]);
  });
});

describe("extractArnRegion", () => {
  it("reads the region code from the ARN only", () => {
    expect(extractArnRegion(UAE_ARN)).toBe("me-central-1");
    expect(extractArnRegion("arn:aws:health:us-gov-west-1::event/EC2/X/Y")).toBe("us-gov-west-1");
    expect(extractArnRegion("arn:aws:health:global::event/IAM/X/Y")).toBeNull();
    expect(extractArnRegion("arn:aws:health:::event/IAM/X/Y")).toBeNull();
    expect(extractArnRegion("not-an-arn")).toBeNull();
  });

  it("never uses region_name", () => {
    const { events } = parseCurrentEvents(utf8([event({ arn: "arn:aws:health:::event/X/Y/Z", region_name: "us-east-1" })]));
    expect(events[0]?.region).toBeNull();
  });
});
