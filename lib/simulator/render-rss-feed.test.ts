import { readFileSync } from "node:fs";
import path from "node:path";
import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { formatPacificDate } from "@/lib/simulator/format-pacific-date";
import { describeAllFeed, describeKeyFeed, formatItemTitle, renderRssFeed } from "@/lib/simulator/render-rss-feed";

const FIXTURES = path.join(process.cwd(), "tests/fixtures/public-status");
const readFixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

describe("formatPacificDate", () => {
  it("writes pubDate exactly as the captured feeds do, switching between PDT and PST", () => {
    expect(formatPacificDate(1787025679)).toBe("Mon, 17 Aug 2026 21:01:19 PDT");
    expect(formatPacificDate(1772396043)).toBe("Sun, 01 Mar 2026 12:14:03 PST");
    expect(formatPacificDate(1749832722)).toBe("Fri, 13 Jun 2025 09:38:42 PDT");
  });

  it("uses 00 for the hour after midnight", () => {
    expect(formatPacificDate(Date.parse("2026-01-05T08:30:00Z") / 1000)).toBe("Mon, 05 Jan 2026 00:30:00 PST");
  });
});

describe("renderRssFeed", () => {
  it("reproduces the captured Athena (Oregon) feed byte for byte", () => {
    const update = {
      key: "athena-us-west-2",
      epoch: 1749832722,
      level: 1 as const,
      summary: "Increased Queue Processing Time",
      message: "We are investigating increased processing times for queued queries in the US-WEST-2 Region. ",
    };
    const channel = describeKeyFeed({ serviceName: "Amazon Athena", regionLabel: "Oregon" }, [update], 0);
    const xml = renderRssFeed({ ...channel, builtAt: Date.parse("2025-06-13T17:02:26Z") / 1000 });
    expect(xml).toBe(readFixture("rss-athena-us-west-2-2025-service-impact.xml"));
  });

  it("reproduces the captured empty Connect (London) feed byte for byte", () => {
    const builtAt = Date.parse("2025-06-13T12:49:29Z") / 1000;
    const xml = renderRssFeed(describeKeyFeed({ serviceName: "Amazon Connect", regionLabel: "London" }, [], builtAt));
    expect(xml).toBe(readFixture("rss-connect-eu-west-2-2025-empty.xml"));
  });

  it("writes the all.rss channel like the 2026 capture and titles each level with AWS's prefix", async () => {
    const items = ([0, 1, 2, 3] as const).map((level) => ({
      key: "multipleservices-me-central-1",
      epoch: 1772396043 + level,
      level,
      summary: level === 0 ? "[RESOLVED] Increased Error Rates" : "Increased Error Rates",
      message: `update ${level}`,
    }));
    const xml = renderRssFeed(describeAllFeed([...items].reverse(), 0));
    const captured = readFixture("rss-all-2026-08-50items-multiupdate.xml");
    const channelHead = (text: string) => text.slice(text.indexOf("<title>"), text.indexOf("<lastBuildDate>"));
    expect(channelHead(xml)).toBe(channelHead(captured));
    expect(xml).toContain(captured.match(/<description><!\[CDATA\[Receive[^\]]+\]\]><\/description>/)?.[0]);
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe("Amazon Web Services Service Status");
    expect(feed.items.map((item) => item.title)).toEqual([
      "Service disruption: Increased Error Rates",
      "Service degradation: Increased Error Rates",
      "Service impact: Increased Error Rates",
      "Service is operating normally: [RESOLVED] Increased Error Rates",
    ]);
    expect(items.map(formatItemTitle)[0]).toBe("Service is operating normally: [RESOLVED] Increased Error Rates");
  });

  it("keeps a message containing ]]> intact inside CDATA", async () => {
    const message = "odd text ]]> and <b>markup</b> & more";
    const xml = renderRssFeed(describeAllFeed([{ key: "s3-us-east-1", epoch: 1787025679, level: 1, summary: "x", message }], 0));
    const feed = await new Parser().parseString(xml);
    expect(feed.items[0]?.content).toBe(message);
  });
});
