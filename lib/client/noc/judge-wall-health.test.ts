import { describe, expect, it } from "vitest";
import type { SourceHealth } from "@/lib/shared/public-status-contract";
import { CONNECT_GRACE_MS, DISCONNECT_GRACE_MS, graceFor, judgeWallHealth, SILENCE_LIMIT_MS } from "@/lib/client/noc/judge-wall-health";

const NOW = Date.parse("2026-11-27T12:00:00.000Z");

const source = (patch: Partial<SourceHealth> = {}): SourceHealth => ({
  id: "public-currentevents",
  label: "AWS public events",
  state: "ok",
  lastSuccessAt: new Date(NOW - 20_000).toISOString(),
  lastAttemptAt: new Date(NOW - 20_000).toISOString(),
  error: null,
  intervalSeconds: 60,
  ...patch,
});

const live = { connection: "live" as const, isDisconnectSustained: false, lastMessageAt: NOW - 5000, now: NOW };

describe("judgeWallHealth", () => {
  it("has nothing to say while the stream is live and every source fresh", () => {
    expect(judgeWallHealth({ ...live, sources: [source(), source({ id: "account-health", label: "Accounts", state: "disabled" })] })).toEqual([]);
  });

  it("warns about a disconnection only once it outlasts the grace period", () => {
    const base = { ...live, connection: "reconnecting" as const, sources: [source()] };
    expect(judgeWallHealth({ ...base, isDisconnectSustained: false })).toEqual([]);
    const [warning] = judgeWallHealth({ ...base, isDisconnectSustained: true });
    expect(warning?.kind).toBe("disconnected");
    expect(warning?.headline).toBe("Disconnected from the Healthdeck server");
    expect(warning?.detail).toContain("last update 2026-11-27 11:59 UTC (5 s ago)");
  });

  it("calls a live connection that went quiet for too long silent", () => {
    const [warning] = judgeWallHealth({ ...live, lastMessageAt: NOW - SILENCE_LIMIT_MS - 1000, sources: [source()] });
    expect(warning?.kind).toBe("silent");
  });

  it.each([
    { silenceMs: 0, kinds: [] },
    { silenceMs: SILENCE_LIMIT_MS - 1, kinds: [] },
    { silenceMs: SILENCE_LIMIT_MS, kinds: [] },
    { silenceMs: SILENCE_LIMIT_MS + 1, kinds: ["silent"] },
  ])("after $silenceMs ms without a message on a live stream warns $kinds", ({ silenceMs, kinds }) => {
    expect(SILENCE_LIMIT_MS).toBe(75_000);
    expect(judgeWallHealth({ ...live, lastMessageAt: NOW - silenceMs, sources: [source()] }).map((warning) => warning.kind)).toEqual(kinds);
  });

  it("does not call a stream silent before its first message, nor while disconnected (that warning wins)", () => {
    expect(judgeWallHealth({ ...live, lastMessageAt: null, sources: [source()] })).toEqual([]);
    const cut = judgeWallHealth({ ...live, connection: "reconnecting", isDisconnectSustained: true, lastMessageAt: NOW - SILENCE_LIMIT_MS - 1, sources: [source()] });
    expect(cut.map((warning) => warning.kind)).toEqual(["disconnected"]);
  });

  it("names each failing or stale source with its last good data and error", () => {
    const warnings = judgeWallHealth({
      ...live,
      sources: [
        source({ state: "error", error: "HTTP 503 from the simulator" }),
        source({ id: "public-rss", label: "AWS RSS feeds", lastSuccessAt: new Date(NOW - 3600_000).toISOString(), intervalSeconds: 300 }),
        source({ id: "public-catalog", label: "AWS service catalogue", lastSuccessAt: null, state: "stale", error: "waiting for the first successful poll" }),
      ],
    });
    expect(warnings.map((warning) => warning.headline)).toEqual(["AWS public events failing", "AWS RSS feeds stale", "AWS service catalogue stale"]);
    expect(warnings[0]?.detail).toBe("last good data 2026-11-27 11:59 UTC (20 s ago) — HTTP 503 from the simulator");
    expect(warnings[2]?.detail).toContain("never updated successfully");
  });

  it("gives the first connection more grace than a reconnect", () => {
    expect(graceFor("connecting")).toBe(CONNECT_GRACE_MS);
    expect(graceFor("reconnecting")).toBe(DISCONNECT_GRACE_MS);
    expect(graceFor("offline")).toBe(DISCONNECT_GRACE_MS);
    expect(CONNECT_GRACE_MS).toBeGreaterThan(DISCONNECT_GRACE_MS);
  });
});
