import { describe, expect, it, vi } from "vitest";
import { parseRssFeed, type RssUpdate } from "@/lib/server/sources/public-status/parse-rss-feed";
import { PublicStatusParseError } from "@/lib/server/sources/public-status/public-status-parse-error";
import { readFixtureText } from "@/tests/support/read-public-status-fixture";

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const byGuidEpoch = (items: RssUpdate[], epoch: number) => items.find((item) => item.guid.endsWith(`_${epoch}`));

function pubDatesOf(xml: string): number[] {
  return [...xml.matchAll(/<item>[\s\S]*?<pubDate>([^<]+)<\/pubDate>/g)].map((match) => Date.parse(match[1] ?? "") / 1000);
}

function feed(items: string, channelTitle = "<title>Test</title>"): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${channelTitle}<link>https://status.aws.amazon.com/</link>${items}</channel></rss>`;
}

describe("parseRssFeed: 2025–2026 era", () => {
  it("parses all.rss 2026 (50 items, https guids, PST and PDT)", async () => {
    const xml = readFixtureText("all26");
    const { title, items, skipped } = await parseRssFeed(xml);
    expect(title).toBe("Amazon Web Services Service Status");
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(50);
    expect(items[0]).toMatchObject({
      guid: "https://status.aws.amazon.com/#directconnect-eu-central-1_1787025679",
      rawTitle: "Service is operating normally: [RESOLVED] Increased Packet loss",
      key: "directconnect-eu-central-1",
      at: 1787025679,
      status: "operational",
      resolved: true,
      summary: "Increased Packet loss",
      origin: "rss",
    });
    expect(iso(items[0]?.at ?? 0)).toBe("2026-08-18T04:01:19.000Z");
    expect(items[0]?.message.startsWith("Starting August 14 7:33 PM PDT, we experienced increased packet loss")).toBe(true);
    expect(items.map((item) => item.at)).toEqual(pubDatesOf(xml));
    const countBy = (pick: (item: RssUpdate) => string) =>
      items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [pick(item)]: (counts[pick(item)] ?? 0) + 1 }), {});
    expect(countBy((item) => item.key)).toEqual({
      "directconnect-eu-central-1": 20,
      "multipleservices-me-central-1": 17,
      "multipleservices-me-south-1": 13,
    });
    expect(countBy((item) => item.status)).toEqual({ operational: 1, degraded: 31, disrupted: 18 });
    expect(items.every((item) => !/[<>]/.test(item.message))).toBe(true);
  });

  it("reads a PST (March) item's time from its guid, matching the pubDate", async () => {
    const { items } = await parseRssFeed(readFixtureText("all26"));
    const march = byGuidEpoch(items, 1772396043);
    expect(march).toMatchObject({ key: "multipleservices-me-central-1", status: "disrupted", summary: "Increased Error Rates" });
    expect(iso(march?.at ?? 0)).toBe("2026-03-01T20:14:03.000Z");
  });

  it("parses the Athena Oregon feed (Service impact → degraded)", async () => {
    const { title, items } = await parseRssFeed(readFixtureText("ath25"));
    expect(title).toBe("Amazon Athena (Oregon) Service Status");
    expect(items).toEqual([
      {
        guid: "https://status.aws.amazon.com/#athena-us-west-2_1749832722",
        rawTitle: "Service impact: Increased Queue Processing Time",
        key: "athena-us-west-2",
        at: 1749832722,
        status: "degraded",
        resolved: false,
        summary: "Increased Queue Processing Time",
        message: "We are investigating increased processing times for queued queries in the US-WEST-2 Region.",
        origin: "rss",
      },
    ]);
    expect(iso(1749832722)).toBe("2025-06-13T16:38:42.000Z");
  });

  it("parses the empty Connect London feed (the healthy state)", async () => {
    expect(await parseRssFeed(readFixtureText("con25"))).toEqual({ title: "Amazon Connect (London) Service Status", items: [], skipped: [] });
  });
});

describe("parseRssFeed: 2019 era (EC2 Tokyo, bilingual)", () => {
  it("parses 15 items back to 2015 with the HTML comment in the channel", async () => {
    const xml = readFixtureText("ec2of2019");
    const { title, items, skipped } = await parseRssFeed(xml);
    expect(title).toBe("Amazon Elastic Compute Cloud (Tokyo) Service Status");
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(15);
    expect(new Set(items.map((item) => item.key))).toEqual(new Set(["ec2-ap-northeast-1"]));
    expect(items.map((item) => item.at)).toEqual(pubDatesOf(xml));
    expect(items.slice(0, 7).map((item) => item.status)).toEqual([
      "operational", "informational", "degraded", "degraded", "degraded", "informational", "informational",
    ]);
    expect(items[0]).toMatchObject({ resolved: true, summary: "インスタンスの接続性について | Instance Availability" });
    expect(iso(items[0]?.at ?? 0)).toBe("2019-08-23T11:18:35.000Z");
    expect(items[0]?.message).toContain("詳細は こちら をご参照ください。");
  });

  it("detects the bilingual resolved title and trims trailing spaces", async () => {
    const { items } = await parseRssFeed(readFixtureText("ec2of2019"));
    expect(byGuidEpoch(items, 1496642284)).toMatchObject({
      status: "operational",
      resolved: true,
      summary: "APIのエラー率の増加 | API Increased API Error Rates",
      rawTitle: "Informational message: [解決済] APIのエラー率の増加 | [RESOLVED] API Increased API Error Rates",
    });
    expect(iso(1496642284)).toBe("2017-06-05T05:58:04.000Z");
    const trailing = byGuidEpoch(items, 1461171600);
    expect(trailing?.rawTitle).toBe("Service is operating normally: [RESOLVED] Increased API Error Rates ");
    expect(trailing?.summary).toBe("Increased API Error Rates");
  });
});

describe("parseRssFeed: 2015 legacy era", () => {
  it("takes the first channel title, reads <title type=\"text\"> as text and http guids", async () => {
    const xml = readFixtureText("all15a");
    const { title, items, skipped } = await parseRssFeed(xml);
    expect(title).toBe("Amazon Web Services Service Status");
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(15);
    expect(items.every((item) => typeof item.rawTitle === "string")).toBe(true);
    expect(items[0]).toMatchObject({
      guid: "http://status.aws.amazon.com/#directconnect-eu-west-1_1447777436",
      key: "directconnect-eu-west-1",
      status: "informational",
      resolved: false,
      summary: "Packet loss",
    });
    expect(items.map((item) => item.at)).toEqual(pubDatesOf(xml));
  });

  it("handles the space-padded day: ses 'Fri,  6 Nov 2015 13:00:15 PST' is 21:00:15Z", async () => {
    const { items } = await parseRssFeed(readFixtureText("all15a"));
    const ses = byGuidEpoch(items, 1446843615);
    expect(ses).toMatchObject({ key: "ses-us-east-1", status: "informational", summary: "Elevated email-sending API error rates" });
    expect(iso(ses?.at ?? 0)).toBe("2015-11-06T21:00:15.000Z");
    expect(byGuidEpoch(items, 1447182249)).toMatchObject({ status: "operational", resolved: true });
  });

  it("sees the in-place edit: the same guid carries the new [RESOLVED] title 15 minutes later", async () => {
    const before = await parseRssFeed(readFixtureText("all15a"));
    const after = await parseRssFeed(readFixtureText("all15b"));
    expect(after.items).toHaveLength(15);
    expect(after.items[0]).toMatchObject({ key: "directconnect-eu-west-1", at: 1447778214, status: "operational", resolved: true, summary: "Packet loss" });
    expect(iso(1447778214)).toBe("2015-11-17T16:36:54.000Z");
    for (const epoch of [1447774560, 1447771620]) {
      expect(byGuidEpoch(before.items, epoch)).toMatchObject({ rawTitle: "Informational message: Packet loss", status: "informational", resolved: false });
      expect(byGuidEpoch(after.items, epoch)).toMatchObject({ rawTitle: "Informational message: [RESOLVED] Packet loss", status: "operational", resolved: true });
    }
    expect(byGuidEpoch(after.items, 1446843615)).toBeUndefined();
    expect(byGuidEpoch(after.items, 1447777436)?.rawTitle).toBe("Informational message: Packet loss");
  });
});

describe("parseRssFeed: synthetic edge cases", () => {
  it("throws PublicStatusParseError on malformed XML, empty input and non-RSS documents", async () => {
    await expect(parseRssFeed("<rss version=\"2.0\"><channel><item><title>x</title></chan")).rejects.toThrow(PublicStatusParseError);
    await expect(parseRssFeed("")).rejects.toThrow(PublicStatusParseError);
    await expect(parseRssFeed("<html><body>503 Service Unavailable</body></html>")).rejects.toThrow(/malformed feed/);
    await expect(parseRssFeed("{\"not\":\"xml\"}")).rejects.toThrow(PublicStatusParseError);
  });

  it("falls back to pubDate when the guid has no epoch, and skips items with neither key nor time", async () => {
    const xml = feed(`
      <item><title>Service disruption: A</title><pubDate>Tue, 10 Mar 2026 10:00:00 PDT</pubDate><guid>https://status.aws.amazon.com/#ec2-us-east-1</guid></item>
      <item><title>Service disruption: B</title><guid>https://status.aws.amazon.com/#ec2-us-east-1</guid></item>
      <item><title>Service disruption: C</title><pubDate>Tue, 10 Mar 2026 10:00:00 PDT</pubDate></item>
      <item><title>Service disruption: D</title><guid>https://example.com/feed/42</guid></item>
      <item><title>Service disruption: E</title><guid isPermaLink="false">http://status.aws.amazon.com/#s3-us-west-2_1773162000</guid></item>`);
    const { items, skipped } = await parseRssFeed(xml);
    expect(items.map((item) => [item.key, item.at, item.summary])).toEqual([
      ["ec2-us-east-1", 1773162000, "A"],
      ["s3-us-west-2", 1773162000, "E"],
    ]);
    expect(skipped).toEqual([
      { index: 1, guid: "https://status.aws.amazon.com/#ec2-us-east-1", reason: "no epoch in the guid and no valid pubDate" },
      { index: 2, guid: null, reason: "item has no guid" },
      { index: 3, guid: "https://example.com/feed/42", reason: "guid has no `#{service}_{epoch}` fragment" },
    ]);
  });

  it("reports unknown prefixes and maps empty titles to unknown", async () => {
    const onUnknownPrefix = vi.fn();
    const xml = feed(`
      <item><title>Service outage: X</title><guid>#lambda-eu-west-1_1773162000</guid></item>
      <item><title type="text"></title><guid>#lambda-eu-west-1_1773162001</guid></item>`);
    const { items } = await parseRssFeed(xml, { onUnknownPrefix });
    expect(items.map((item) => item.status)).toEqual(["degraded", "unknown"]);
    expect(items[1]?.rawTitle).toBe("");
    expect(onUnknownPrefix).toHaveBeenCalledWith("Service outage");
  });

  it("turns HTML and script in descriptions into inert text", async () => {
    const xml = feed(`<item><title>Service impact: X</title><guid>#sqs-us-east-1_1773162000</guid>
      <description><![CDATA[Hello <script>alert(1)</script><b>world</b>&lt;img src=x onerror=alert(2)&gt;<br>Bye]]></description></item>`);
    const { items } = await parseRssFeed(xml);
    expect(items[0]?.message).toBe("Hello world\nBye");
  });

  it("returns a null title when the channel has none", async () => {
    const { title } = await parseRssFeed(feed("", ""));
    expect(title).toBeNull();
  });
});
