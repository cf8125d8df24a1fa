import { afterEach, describe, expect, it, vi } from "vitest";
import { formatAgo, formatDuration, formatLocal, formatSpan, formatUtc } from "@/lib/client/format-time";

describe("formatUtc", () => {
  it("prints the UTC date and minute with the zone", () => {
    expect(formatUtc("2026-08-18T12:20:59.000Z")).toBe("2026-08-18 12:20 UTC");
    expect(formatUtc("2026-03-01T07:51:25+04:00")).toBe("2026-03-01 03:51 UTC");
  });
  it("returns unparsable input unchanged rather than inventing a time", () => {
    expect(formatUtc("not a date")).toBe("not a date");
  });
});

describe("formatLocal", () => {
  it("prints the time in the viewer's zone with its name", () => {
    expect(formatLocal("2026-08-18T12:20:00Z", { timeZone: "Europe/Berlin", locale: "en-GB" })).toBe("14:20 CEST");
    expect(formatLocal("2026-01-18T12:20:00Z", { timeZone: "Europe/Berlin", locale: "en-GB" })).toBe("13:20 CET");
  });
  it("adds the local date when it differs from the UTC date", () => {
    expect(formatLocal("2026-08-18T20:05:00Z", { timeZone: "Asia/Tokyo", locale: "en-US" })).toBe("2026-08-19 05:05 GMT+9");
  });
  it("is null for a viewer in UTC, whose local time the UTC text already shows", () => {
    expect(formatLocal("2026-08-18T12:20:00Z", { timeZone: "UTC", locale: "en-GB" })).toBeNull();
  });

  describe("in the viewer's own zone", () => {
    const zone = process.env.TZ;
    afterEach(() => {
      vi.restoreAllMocks();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    it("answers a UTC viewer without building a DateTimeFormat (its first use loads ICU data)", () => {
      process.env.TZ = "UTC";
      const built = vi.spyOn(Intl, "DateTimeFormat");
      expect(formatLocal("2026-08-18T12:20:00Z")).toBeNull();
      expect(built).not.toHaveBeenCalled();
    });
    it("still names the local time of a viewer elsewhere", () => {
      process.env.TZ = "Europe/Berlin";
      expect(formatLocal("2026-08-18T12:20:00Z", { locale: "en-GB" })).toBe("14:20 CEST");
    });
  });
});

describe("formatAgo", () => {
  it.each([
    [2_000, "just now"],
    [12_400, "12 s ago"],
    [14 * 60_000 + 5_000, "14 min ago"],
    [3 * 3_600_000, "3 h ago"],
    [5 * 86_400_000, "5 d ago"],
    [-30_000, "just now"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatAgo(ms)).toBe(text);
  });
});

describe("formatDuration and formatSpan", () => {
  it("uses the two largest units", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(12 * 60_000)).toBe("12 min");
    expect(formatDuration(2 * 3_600_000 + 15 * 60_000)).toBe("2 h 15 min");
    expect(formatDuration(2 * 3_600_000)).toBe("2 h");
    expect(formatDuration(76 * 3_600_000)).toBe("3 d 4 h");
  });
  it("is null for an open span", () => {
    expect(formatSpan("2026-08-18T12:00:00Z", null)).toBeNull();
    expect(formatSpan("2026-08-18T12:00:00Z", "2026-08-18T13:30:00Z")).toBe("1 h 30 min");
  });
});
