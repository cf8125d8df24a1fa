import { describe, expect, it } from "vitest";
import { judgeSourceState, staleAfterMs, type SourceStateFacts } from "@/lib/server/services/judge-source-state";

const NOW = Date.parse("2026-08-18T12:00:00.000Z");
const INTERVAL_SECONDS = 60;
const TIMEOUT_SECONDS = 10;
// 2 × 60 s + 3 × 10 s + 5 s
const LIMIT_MS = 155_000;

const row = (patch: Partial<SourceStateFacts> = {}): SourceStateFacts => ({ lastSuccessAt: NOW, lastError: null, note: null, ...patch });
const judge = (facts: SourceStateFacts | null, isPollerOff = false, nowMs = NOW) =>
  judgeSourceState({ row: facts, intervalSeconds: INTERVAL_SECONDS, httpTimeoutSeconds: TIMEOUT_SECONDS, isPollerOff, nowMs });

describe("judgeSourceState (the server's verdict behind /api/v1/status, /api/v1/health and the NOC wall)", () => {
  it("allows two intervals, three request timeouts and 5 s before a source counts as stale", () => {
    expect(staleAfterMs(INTERVAL_SECONDS, TIMEOUT_SECONDS)).toBe(LIMIT_MS);
    expect(staleAfterMs(300, 2)).toBe(611_000);
  });

  it.each([
    { case: "just succeeded", facts: row(), state: "ok", error: null },
    { case: "ok with a note", facts: row({ note: "2 feeds skipped" }), state: "ok", error: "2 feeds skipped" },
    { case: "1 ms before the limit", facts: row({ lastSuccessAt: NOW - LIMIT_MS + 1 }), state: "ok", error: null },
    { case: "exactly at the limit", facts: row({ lastSuccessAt: NOW - LIMIT_MS }), state: "ok", error: null },
    { case: "1 ms past the limit", facts: row({ lastSuccessAt: NOW - LIMIT_MS - 1 }), state: "stale", error: "no successful poll for 155 s" },
    { case: "an hour past", facts: row({ lastSuccessAt: NOW - 3_600_000 }), state: "stale", error: "no successful poll for 3600 s" },
    { case: "never attempted", facts: null, state: "stale", error: "waiting for the first successful poll" },
    { case: "attempted, no success yet", facts: row({ lastSuccessAt: null }), state: "stale", error: "waiting for the first successful poll" },
    { case: "no success yet and failing", facts: row({ lastSuccessAt: null, lastError: "HTTP 503" }), state: "error", error: "HTTP 503" },
    { case: "fresh success, then an error", facts: row({ lastError: "HTTP 503" }), state: "error", error: "HTTP 503" },
    { case: "error past the limit stays error", facts: row({ lastSuccessAt: NOW - LIMIT_MS - 1, lastError: "timeout" }), state: "error", error: "timeout" },
  ] as const)("$case → $state", ({ facts, state, error }) => {
    expect(judge(facts)).toEqual({ state, error });
  });

  it("calls a source disabled only when the poller is off and it has never run here", () => {
    expect(judge(null, true)).toEqual({ state: "disabled", error: "polling is off in this process (HEALTHDECK_POLLER=off)" });
    // Data written by another process (the leader) is still judged by its age: off here is no excuse for stale data.
    expect(judge(row(), true)).toEqual({ state: "ok", error: null });
    expect(judge(row({ lastSuccessAt: NOW - LIMIT_MS - 1 }), true).state).toBe("stale");
    expect(judge(row({ lastError: "HTTP 500" }), true).state).toBe("error");
  });

  it("never answers ok for a source whose last success is unknown", () => {
    for (const isPollerOff of [false, true]) {
      for (const lastError of [null, "boom"]) expect(judge(row({ lastSuccessAt: null, lastError }), isPollerOff).state).not.toBe("ok");
    }
  });
});
