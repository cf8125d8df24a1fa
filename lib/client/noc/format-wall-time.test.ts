import { afterEach, describe, expect, it, vi } from "vitest";
import { formatWallCountdown } from "@/lib/client/noc/format-wall-countdown";
import { formatLocalClock, formatShortUtc, formatUtcClock } from "@/lib/client/noc/format-wall-time";
import { describeScope } from "@/lib/client/noc/describe-scope";
import { EMPTY_LIVE_SCOPE } from "@/lib/shared/live-scope";

const NOW = Date.parse("2026-11-27T13:05:09.400Z");

describe("wall time texts", () => {
  it("shows UTC to the second, with the date", () => {
    expect(formatUtcClock(NOW)).toEqual({ time: "13:05:09", date: "Fri 27 Nov 2026", zone: "UTC" });
  });

  it("shows the local clock with its zone, and nothing extra in UTC", () => {
    expect(formatLocalClock(NOW, "Europe/Berlin")).toEqual({ time: "14:05:09", date: "Fri 27 Nov 2026", zone: "CET" });
    expect(formatLocalClock(NOW, "Asia/Kolkata")?.time).toBe("18:35:09");
    expect(formatLocalClock(NOW, "UTC")).toBeNull();
  });

  describe("in the wall's own zone", () => {
    const zone = process.env.TZ;
    afterEach(() => {
      vi.restoreAllMocks();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    it("answers a wall on UTC without building a DateTimeFormat", () => {
      process.env.TZ = "UTC";
      const built = vi.spyOn(Intl, "DateTimeFormat");
      expect(formatLocalClock(NOW)).toBeNull();
      expect(built).not.toHaveBeenCalled();
    });
    it("still shows the local clock of a wall elsewhere", () => {
      process.env.TZ = "Asia/Kolkata";
      expect(formatLocalClock(NOW)?.time).toBe("18:35:09");
    });
  });

  it("writes a start time short when it is today", () => {
    expect(formatShortUtc("2026-11-27T16:00:00.000Z", NOW)).toBe("16:00 UTC");
    expect(formatShortUtc("2026-11-30T16:00:00.000Z", NOW)).toBe("30 Nov 16:00 UTC");
  });

  it("counts down to the second in the last hour", () => {
    expect(formatWallCountdown(NOW + 3 * 86_400_000 + 4 * 3600_000, NOW)).toBe("in 3 d 4 h");
    expect(formatWallCountdown(NOW + 2 * 3600_000 + 5 * 60_000, NOW)).toBe("in 2 h 5 min");
    expect(formatWallCountdown(NOW + 4 * 60_000 + 59_000, NOW)).toBe("in 04:59");
    expect(formatWallCountdown(NOW + 400, NOW)).toBe("in 00:01");
    expect(formatWallCountdown(NOW - 1000, NOW)).toBe("starting now");
    expect(formatWallCountdown(NOW - 3 * 60_000, NOW)).toBe("started 3 min ago");
  });

  it("says in one line what a screen covers", () => {
    expect(describeScope(EMPTY_LIVE_SCOPE)).toBe("All regions · all services");
    expect(
      describeScope({ ...EMPTY_LIVE_SCOPE, regions: ["eu-west-1"], services: ["rds", "ec2", "s3", "lambda", "sqs"], accounts: ["111122223333"], mutedTypes: ["X_Y_Z"] }),
    ).toBe("eu-west-1 · rds, ec2, s3, lambda +1 · accounts 111122223333 · 1 event type muted");
  });
});
