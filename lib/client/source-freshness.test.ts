import { describe, expect, it } from "vitest";
import { isProblemState, judgeSource } from "@/lib/client/source-freshness";
import { sourceStateSchema, type SourceHealth } from "@/lib/shared/public-status-contract";

const source: SourceHealth = {
  id: "public-currentevents",
  label: "AWS current events",
  state: "ok",
  lastSuccessAt: "2026-08-18T12:00:00.000Z",
  lastAttemptAt: "2026-08-18T12:00:00.000Z",
  error: null,
  intervalSeconds: 60,
};
const at = (iso: string) => Date.parse(iso);

describe("judgeSource", () => {
  it("keeps the server's verdict for stale, error and disabled sources", () => {
    expect(judgeSource({ ...source, state: "stale" }, null)).toBe("stale");
    expect(judgeSource({ ...source, state: "error", error: "HTTP 503" }, at("2026-08-18T12:00:01Z"))).toBe("error");
    expect(judgeSource({ ...source, state: "disabled" }, null)).toBe("disabled");
  });

  it("trusts an ok source within three intervals plus a minute", () => {
    expect(judgeSource(source, at("2026-08-18T12:03:59Z"))).toBe("ok");
    expect(judgeSource(source, null)).toBe("ok");
  });

  it("turns an ok source stale in the browser when its last success ages out", () => {
    expect(judgeSource(source, at("2026-08-18T12:04:01Z"))).toBe("stale");
  });

  it.each([
    { at: "2026-08-18T12:00:00.000Z", state: "ok" },
    { at: "2026-08-18T12:03:59.999Z", state: "ok" },
    // exactly three 60 s intervals plus a minute
    { at: "2026-08-18T12:04:00.000Z", state: "ok" },
    { at: "2026-08-18T12:04:00.001Z", state: "stale" },
  ] as const)("at $at an ok source with a 60 s interval shows $state (limit 240 s, inclusive)", ({ at: when, state }) => {
    expect(judgeSource(source, at(when))).toBe(state);
  });

  it("scales the limit with the interval: 300 s → 960 s", () => {
    const rss = { ...source, intervalSeconds: 300 };
    expect(judgeSource(rss, at("2026-08-18T12:16:00.000Z"))).toBe("ok");
    expect(judgeSource(rss, at("2026-08-18T12:16:00.001Z"))).toBe("stale");
  });

  it("never calls a source that has not succeeded yet ok", () => {
    expect(judgeSource({ ...source, lastSuccessAt: null }, null)).toBe("stale");
  });

  it("flags stale, error and unavailable as problems, not ok or disabled", () => {
    expect(["ok", "stale", "error", "disabled", "unavailable"].map((state) => isProblemState(sourceStateSchema.parse(state)))).toEqual([
      false, true, true, false, true,
    ]);
  });
});
