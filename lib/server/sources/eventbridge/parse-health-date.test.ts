import { describe, expect, it } from "vitest";
import { parseHealthDate } from "@/lib/server/sources/eventbridge/parse-health-date";

const iso = (text: string) => {
  const ms = parseHealthDate(text);
  return ms === null ? null : new Date(ms).toISOString();
};

describe("parseHealthDate", () => {
  it("reads the RFC 1123 dates of aws.health events", () => {
    expect(iso("Fri, 27 Jan 2023 06:02:51 GMT")).toBe("2023-01-27T06:02:51.000Z");
    expect(iso("Sat, 05 Jun 2016 15:10:09 GMT")).toBe("2016-06-05T15:10:09.000Z");
  });

  it("accepts unpadded days and ignores a weekday that does not match the date", () => {
    expect(iso("Fri, 3 Jun 2022 05:01:10 GMT")).toBe("2022-06-03T05:01:10.000Z");
    // 27 Jan 2026 was a Tuesday; AWS's sample says Thursday.
    expect(iso("Thu, 27 Jan 2026 13:44:13 GMT")).toBe("2026-01-27T13:44:13.000Z");
    expect(iso("27 Aug 2026 13:19:03 GMT")).toBe("2026-08-27T13:19:03.000Z");
  });

  it("honours numeric zones and treats a missing zone as UTC", () => {
    expect(iso("Fri, 27 Jan 2023 08:02:51 +0200")).toBe("2023-01-27T06:02:51.000Z");
    expect(iso("Fri, 27 Jan 2023 06:02:51")).toBe("2023-01-27T06:02:51.000Z");
  });

  it("reads the ISO 8601 envelope time", () => {
    expect(iso("2023-01-27T09:01:22Z")).toBe("2023-01-27T09:01:22.000Z");
    expect(iso("2023-01-27T09:01:22.5+01:00")).toBe("2023-01-27T08:01:22.500Z");
  });

  it("rejects text that is no date, and impossible dates", () => {
    expect(parseHealthDate("")).toBeNull();
    expect(parseHealthDate("yesterday")).toBeNull();
    expect(parseHealthDate("Mon, 31 Feb 2026 10:00:00 GMT")).toBeNull();
    expect(parseHealthDate("Mon, 10 Foo 2026 10:00:00 GMT")).toBeNull();
    expect(parseHealthDate("Mon, 10 Jan 2026 25:00:00 GMT")).toBeNull();
    expect(parseHealthDate("2026-01-27")).toBeNull();
  });
});
