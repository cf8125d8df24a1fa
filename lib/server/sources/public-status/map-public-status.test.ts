import { describe, expect, it, vi } from "vitest";
import { createWarnOnce, mapJsonLevel, mapRssTitle } from "@/lib/server/sources/public-status/map-public-status";

describe("mapRssTitle", () => {
  it.each([
    ["Service disruption: Increased Error Rates", "disrupted", false, "Service disruption", "Increased Error Rates"],
    ["Service impact: Increased Queue Processing Time", "degraded", false, "Service impact", "Increased Queue Processing Time"],
    ["Service degradation: Instance Availability", "degraded", false, "Service degradation", "Instance Availability"],
    ["Performance issues: Elevated latency", "degraded", false, "Performance issues", "Elevated latency"],
    ["Informational message: Packet loss", "informational", false, "Informational message", "Packet loss"],
    ["Informational message: Packet loss ", "informational", false, "Informational message", "Packet loss"],
    ["Service is operating normally: [RESOLVED] Increased Packet loss", "operational", true, "Service is operating normally", "Increased Packet loss"],
    ["Informational message: [RESOLVED] Packet loss", "operational", true, "Informational message", "Packet loss"],
    ["Service disruption: [Resolved] Increased Error Rates", "operational", true, "Service disruption", "Increased Error Rates"],
  ] as const)("%s → %s", (title, status, resolved, prefix, headline) => {
    expect(mapRssTitle(title)).toEqual({ status, resolved, prefix, headline, isKnownPrefix: true });
  });

  it("treats the closing prefix as resolved even without [RESOLVED] (ALL15a, EC2-19)", () => {
    const legacy = mapRssTitle("Service is operating normally: Increased instance launch error rates and degraded volume performance");
    expect(legacy.status).toBe("operational");
    expect(legacy.resolved).toBe(true);
    expect(legacy.headline).toBe("Increased instance launch error rates and degraded volume performance");
  });

  it("keeps the whole bilingual headline and strips both resolution markers", () => {
    const result = mapRssTitle("Informational message: [解決済] APIのエラー率の増加 | [RESOLVED] API Increased API Error Rates");
    expect(result.status).toBe("operational");
    expect(result.resolved).toBe(true);
    expect(result.headline).toBe("APIのエラー率の増加 | API Increased API Error Rates");
    const open = mapRssTitle("Service degradation: インスタンスの接続性について | Instance Availability");
    expect(open).toMatchObject({ status: "degraded", resolved: false, headline: "インスタンスの接続性について | Instance Availability" });
  });

  it("maps an unknown prefix to degraded (never green) and reports it", () => {
    const onUnknownPrefix = vi.fn();
    const result = mapRssTitle("Service outage: Everything is on fire", { onUnknownPrefix });
    expect(result).toEqual({ status: "degraded", resolved: false, prefix: "Service outage", headline: "Everything is on fire", isKnownPrefix: false });
    expect(onUnknownPrefix).toHaveBeenCalledWith("Service outage");
  });

  it("maps an empty or prefix-less title to unknown, unless it is marked resolved", () => {
    expect(mapRssTitle("")).toEqual({ status: "unknown", resolved: false, prefix: null, headline: "", isKnownPrefix: true });
    expect(mapRssTitle("   ").status).toBe("unknown");
    expect(mapRssTitle("Increased API error rates")).toMatchObject({ status: "unknown", prefix: null, headline: "Increased API error rates" });
    expect(mapRssTitle("[RESOLVED] Increased API error rates")).toMatchObject({ status: "operational", resolved: true, headline: "Increased API error rates" });
  });

  it("matches prefixes case-insensitively and tolerates NBSP", () => {
    expect(mapRssTitle("SERVICE DISRUPTION: x").status).toBe("disrupted");
    expect(mapRssTitle("Service\u00a0impact:\u00a0x")).toMatchObject({ status: "degraded", headline: "x" });
  });
});

describe("mapJsonLevel", () => {
  it.each([
    ["0", "operational"],
    [0, "operational"],
    ["1", "degraded"],
    [1, "degraded"],
    ["2", "degraded"],
    [2, "degraded"],
    ["3", "disrupted"],
    [3, "disrupted"],
    [" 3 ", "disrupted"],
    ["4", "unknown"],
    [-1, "unknown"],
    [1.5, "unknown"],
    ["", "unknown"],
    ["three", "unknown"],
    [null, "unknown"],
    [undefined, "unknown"],
    [true, "unknown"],
    [Number.NaN, "unknown"],
  ] as const)("%j → %s", (level, status) => {
    expect(mapJsonLevel(level)).toBe(status);
  });
});

describe("createWarnOnce", () => {
  it("warns once per distinct prefix, case-insensitively", () => {
    const warn = vi.fn();
    const onUnknownPrefix = createWarnOnce(warn);
    mapRssTitle("Service outage: a", { onUnknownPrefix });
    mapRssTitle("service OUTAGE: b", { onUnknownPrefix });
    mapRssTitle("Heads up: c", { onUnknownPrefix });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toContain('"Service outage"');
  });
});
