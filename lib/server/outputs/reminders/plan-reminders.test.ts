import { describe, expect, it } from "vitest";
import { describeReminder, listDueOffsets, parseOffsetMs, reminderGraceMs } from "@/lib/server/outputs/reminders/plan-reminders";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = Date.parse("2026-12-10T10:00:00Z");
const OFFSETS = ["7d", "1d", "1h"];

describe("reminder offsets", () => {
  it("read 7d, 1d, 1h and 30m", () => {
    expect(["7d", "1d", "1h", "30m"].map(parseOffsetMs)).toEqual([7 * DAY, DAY, HOUR, 30 * 60_000]);
    expect(() => parseOffsetMs("1w")).toThrow();
  });

  it("are due from start - offset, within a grace of a tenth of the offset (at least 5 minutes), while the start is ahead", () => {
    expect(listDueOffsets(OFFSETS, start, start - 8 * DAY)).toEqual([]);
    expect(listDueOffsets(OFFSETS, start, start - 7 * DAY)).toEqual(["7d"]);
    expect(listDueOffsets(OFFSETS, start, start - 7 * DAY + reminderGraceMs(7 * DAY))).toEqual(["7d"]);
    expect(listDueOffsets(OFFSETS, start, start - 7 * DAY + reminderGraceMs(7 * DAY) + 1)).toEqual([]);
    expect(listDueOffsets(OFFSETS, start, start - DAY + 60_000)).toEqual(["1d"]);
    expect(listDueOffsets(OFFSETS, start, start - HOUR + 5 * 60_000)).toEqual(["1h"]);
    expect(listDueOffsets(OFFSETS, start, start - HOUR + 7 * 60_000)).toEqual([]);
    expect(listDueOffsets(OFFSETS, start, start)).toEqual([]);
    expect(listDueOffsets(["1h"], start, start + 1)).toEqual([]);
  });

  it("first seen two days before the start: no late 7-day reminder, the 1-day one comes on time", () => {
    expect(listDueOffsets(OFFSETS, start, start - 2 * DAY)).toEqual([]);
    expect(listDueOffsets(OFFSETS, start, start - DAY)).toEqual(["1d"]);
  });

  it("say when, in words and in UTC", () => {
    expect(describeReminder({ offset: "1d", startsAt: "2026-12-10T10:00:00.000Z" })).toBe("Reminder: starts in 1 day (2026-12-10 10:00 UTC)");
    expect(describeReminder({ offset: "7d", startsAt: "2026-12-10T10:00:00.000Z" })).toBe("Reminder: starts in 7 days (2026-12-10 10:00 UTC)");
    expect(describeReminder({ offset: "30m", startsAt: "2026-12-10T10:00:00.000Z" })).toBe("Reminder: starts in 30 minutes (2026-12-10 10:00 UTC)");
  });
});
