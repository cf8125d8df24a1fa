import { beforeAll, describe, expect, it } from "vitest";
import { assemblePublicEvents } from "@/lib/server/sources/public-status/assemble-public-events";
import { parseCurrentEvents } from "@/lib/server/sources/public-status/parse-current-events";
import { parseRssFeed, type RssUpdate } from "@/lib/server/sources/public-status/parse-rss-feed";
import type { CurrentEventRecord, PublicUpdateRecord } from "@/lib/server/domain/public-status-records";
import { readFixtureBytes, readFixtureText } from "@/tests/support/read-public-status-fixture";

const UAE = "multipleservices-me-central-1";
const BAHRAIN = "multipleservices-me-south-1";
const DX = "directconnect-eu-central-1";

let currentEvents: CurrentEventRecord[];
let all26: RssUpdate[];

beforeAll(async () => {
  currentEvents = parseCurrentEvents(readFixtureBytes("raw")).events;
  all26 = (await parseRssFeed(readFixtureText("all26"))).items;
});

function update(at: number, overrides: Partial<PublicUpdateRecord> = {}): PublicUpdateRecord {
  return { key: "lambda-us-east-1", at, status: "degraded", resolved: false, summary: "Errors", message: `m${at}`, origin: "rss", ...overrides };
}

function currentEvent(overrides: Partial<CurrentEventRecord> = {}): CurrentEventRecord {
  return {
    arn: "arn:aws:health:us-east-1::event/LAMBDA/AWS_LAMBDA_OPERATIONAL_ISSUE/AWS_LAMBDA_OPERATIONAL_ISSUE_AAAAA_BBBBBBBBBBB",
    key: "lambda-us-east-1",
    region: "us-east-1",
    serviceName: "AWS Lambda",
    status: "degraded",
    resolved: false,
    summary: "Errors",
    startedAt: 1000,
    endedAt: null,
    updates: [],
    impacted: [],
    ...overrides,
  };
}

describe("assemblePublicEvents with ALL26 + CE2 (one incident, two sources)", () => {
  it.each([
    [UAE, 23, 17, "aws_multiple_services_operational_issue_5e6b8_ef2498889b5"],
    [BAHRAIN, 13, 13, "aws_multiple_services_operational_issue_e6426_01ad72b4e1e"],
  ])("%s: exactly one event per ARN with %d merged updates", (key, updateCount, rssCount, id) => {
    const rss = all26.filter((item) => item.key === key);
    expect(rss).toHaveLength(rssCount);
    const events = assemblePublicEvents({ key, currentEvents, updates: rss, currentEventsCheckedAt: 1787100000 });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ id, key, status: "disrupted", resolved: false, endedAt: null });
    expect(event?.arn).toContain(`arn:aws:health:${key.replace("multipleservices-", "")}::event/`);
    expect(event?.updates).toHaveLength(updateCount);
    const ids = event?.updates.map((item) => `${item.key}_${item.at}`) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(event?.updates.map((item) => item.at)).toEqual([...(event?.updates.map((item) => item.at) ?? [])].sort((a, b) => b - a));
    expect(event?.updates.every((item) => item.origin === "currentevents")).toBe(true);
    expect(event?.impacted.length).toBeGreaterThan(100);
  });

  it("RSS description and event_log message of the same update are the same text", () => {
    const uae = currentEvents.find((event) => event.key === UAE);
    for (const item of all26.filter((rss) => rss.key === UAE)) {
      const json = uae?.updates.find((entry) => entry.at === item.at);
      expect(json?.message).toBe(item.message);
      expect(json?.summary).toBe(item.summary);
    }
  });

  it("gives the same events when the store passes currentevents without updates plus all stored updates", () => {
    const stored = [...all26, ...currentEvents.flatMap((event) => event.updates)];
    for (const key of [UAE, BAHRAIN]) {
      const lean = currentEvents.map((event) => ({ ...event, updates: [] }));
      const fromStore = assemblePublicEvents({ key, currentEvents: lean, updates: stored, currentEventsCheckedAt: 1787100000 });
      const direct = assemblePublicEvents({ key, currentEvents, updates: all26, currentEventsCheckedAt: 1787100000 });
      expect(fromStore).toEqual(direct);
    }
  });

  it("keeps the RSS-only Direct Connect chain as one resolved event", () => {
    const events = assemblePublicEvents({ key: DX, currentEvents, updates: all26, currentEventsCheckedAt: null });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: "directconnect-eu-central-1_1786765379",
      arn: null,
      status: "operational",
      resolved: true,
      summary: "Increased Packet loss",
      startedAt: 1786765379,
      endedAt: 1787025679,
      impacted: [],
    });
    expect(events[0]?.updates).toHaveLength(20);
    expect(events[0]?.updates[0]?.resolved).toBe(true);
  });
});

describe("assemblePublicEvents: RSS-only grouping", () => {
  it("splits the EC2 Tokyo history at resolved updates into 6 incidents, newest first", async () => {
    const { items } = await parseRssFeed(readFixtureText("ec2of2019"));
    const events = assemblePublicEvents({ key: "ec2-ap-northeast-1", currentEvents: [], updates: items, currentEventsCheckedAt: null });
    // 2016-04-20: two "[RESOLVED] Increased API Error Rates" updates 21 min apart are one incident.
    expect(events.map((event) => event.updates.length)).toEqual([7, 1, 2, 2, 2, 1]);
    expect(events[3]?.updates.map((item) => item.at)).toEqual([1461171600, 1461170340]);
    expect(events[0]).toMatchObject({
      id: "ec2-ap-northeast-1_1566533912",
      status: "operational",
      resolved: true,
      summary: "インスタンスの接続性について | Instance Availability",
      startedAt: 1566533912,
      endedAt: 1566559115,
    });
    expect(events.every((event) => event.resolved)).toBe(true);
  });

  it("starts a new event after a gap of more than 7 days", () => {
    const week = 7 * 24 * 3600;
    const events = assemblePublicEvents({
      key: "lambda-us-east-1",
      currentEvents: [],
      updates: [update(1000), update(1000 + week), update(2000 + 2 * week + 1)],
      currentEventsCheckedAt: null,
    });
    expect(events.map((event) => event.id)).toEqual([`lambda-us-east-1_${2000 + 2 * week + 1}`, "lambda-us-east-1_1000"]);
    expect(events[1]?.updates).toHaveLength(2);
  });

  it("closes an open RSS-only event once currentevents was polled successfully > 120 s after it", () => {
    const input = { key: "lambda-us-east-1", currentEvents: [], updates: [update(1000, { status: "disrupted" })] };
    expect(assemblePublicEvents({ ...input, currentEventsCheckedAt: null })[0]).toMatchObject({ status: "disrupted", resolved: false, endedAt: null });
    expect(assemblePublicEvents({ ...input, currentEventsCheckedAt: 1120 })[0]).toMatchObject({ status: "disrupted", resolved: false });
    expect(assemblePublicEvents({ ...input, currentEventsCheckedAt: 1121 })[0]).toMatchObject({ status: "operational", resolved: true, endedAt: null });
  });

  it("uses the newest update's status for an open event and ignores other keys", () => {
    const events = assemblePublicEvents({
      key: "lambda-us-east-1",
      currentEvents: [],
      updates: [update(1000, { status: "informational" }), update(2000, { status: "disrupted" }), update(1500, { key: "s3-us-east-1" })],
      currentEventsCheckedAt: null,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: "disrupted", startedAt: 1000 });
    expect(events[0]?.updates.map((item) => item.at)).toEqual([2000, 1000]);
  });

  it("keeps the later copy of an RSS item edited in place and does not split at retroactive [RESOLVED] edits", async () => {
    const before = (await parseRssFeed(readFixtureText("all15a"))).items;
    const after = (await parseRssFeed(readFixtureText("all15b"))).items;
    const events = assemblePublicEvents({ key: "directconnect-eu-west-1", currentEvents: [], updates: [...before, ...after], currentEventsCheckedAt: null });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: "directconnect-eu-west-1_1447771620", resolved: true, status: "operational", endedAt: 1447778214 });
    expect(events[0]?.updates.map((item) => [item.at, item.resolved])).toEqual([
      [1447778214, true],
      [1447777436, false],
      [1447774560, true],
      [1447771620, true],
    ]);
    const onlyBefore = assemblePublicEvents({ key: "directconnect-eu-west-1", currentEvents: [], updates: before, currentEventsCheckedAt: null });
    expect(onlyBefore).toHaveLength(1);
    expect(onlyBefore[0]).toMatchObject({ status: "informational", resolved: false });
  });

  it("still splits after a resolved update when the next one has another headline", () => {
    const events = assemblePublicEvents({
      key: "lambda-us-east-1",
      currentEvents: [],
      updates: [update(1000, { resolved: true, status: "operational" }), update(1100, { summary: "Something else" })],
      currentEventsCheckedAt: null,
    });
    expect(events.map((event) => event.id)).toEqual(["lambda-us-east-1_1100", "lambda-us-east-1_1000"]);
  });
});

describe("assemblePublicEvents: currentevents ownership", () => {
  it("prefers the currentevents status but keeps RSS text when the JSON text is empty", () => {
    const json = update(1000, { status: "disrupted", summary: "", message: "", origin: "currentevents" });
    const events = assemblePublicEvents({
      key: "lambda-us-east-1",
      currentEvents: [currentEvent({ updates: [json], status: "disrupted" })],
      updates: [update(1000, { summary: "From RSS", message: "RSS text" })],
      currentEventsCheckedAt: 5000,
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.updates).toEqual([{ ...json, summary: "From RSS", message: "RSS text" }]);
  });

  it("owns updates from its start to end_time + 1 h; later ones form their own event", () => {
    const event = currentEvent({ resolved: true, status: "operational", endedAt: 2000 });
    const events = assemblePublicEvents({
      key: "lambda-us-east-1",
      currentEvents: [event],
      updates: [update(999), update(1000), update(2000 + 3600), update(2000 + 3601)],
      currentEventsCheckedAt: 9000,
    });
    expect(events.map((item) => [item.id, item.updates.map((entry) => entry.at)])).toEqual([
      ["lambda-us-east-1_5601", [5601]],
      ["aws_lambda_operational_issue_aaaaa_bbbbbbbbbbb", [5600, 1000]],
      ["lambda-us-east-1_999", [999]],
    ]);
    expect(events[1]).toMatchObject({ status: "operational", resolved: true, startedAt: 1000, endedAt: 2000 });
  });

  it("an open event owns every later update of its key", () => {
    const events = assemblePublicEvents({
      key: "lambda-us-east-1",
      currentEvents: [currentEvent()],
      updates: [update(1000), update(1000 + 60 * 24 * 3600)],
      currentEventsCheckedAt: 1000 + 60 * 24 * 3600 + 500,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: "degraded", resolved: false });
    expect(events[0]?.updates).toHaveLength(2);
  });

  it("bounds a resolved event without end_time by its own newest update", () => {
    const own = [update(1000, { origin: "currentevents" }), update(1500, { origin: "currentevents", resolved: true, status: "operational" })];
    const events = assemblePublicEvents({
      key: "lambda-us-east-1",
      currentEvents: [currentEvent({ resolved: true, status: "operational", updates: own })],
      updates: [update(1500), update(1500 + 30 * 24 * 3600, { status: "disrupted" })],
      currentEventsCheckedAt: null,
    });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ arn: null, status: "disrupted", resolved: false });
    expect(events[1]).toMatchObject({ resolved: true, endedAt: 1500 });
    expect(events[1]?.updates).toHaveLength(2);
  });

  it("ignores currentevents of other keys and duplicate ARNs", () => {
    const event = currentEvent();
    const events = assemblePublicEvents({
      key: "lambda-us-east-1",
      currentEvents: [event, { ...event, summary: "Newer copy" }, currentEvent({ key: "s3-us-east-1", arn: "arn:aws:health:us-east-1::event/S3/X/X_1" })],
      updates: [],
      currentEventsCheckedAt: null,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ summary: "Newer copy", updates: [] });
  });
});
