import { describe, expect, it } from "vitest";
import { fingerprintEvents } from "@/lib/shared/fingerprint-events";
import { loadStatusFixture } from "@/tests/fixtures/ui/load-status-fixture";

const events = loadStatusFixture().events;

describe("fingerprintEvents", () => {
  it("is stable for the same events", () => {
    expect(fingerprintEvents(events)).toBe(fingerprintEvents(structuredClone(events)));
    expect(fingerprintEvents(events)).toMatch(/^3-[0-9a-f]{8}$/);
  });

  it("changes when a card would change: a new update, a status, a resolution, an affected service", () => {
    const base = fingerprintEvents(events);
    const [first, ...rest] = structuredClone(events);
    if (first === undefined) throw new Error("fixture has events");
    const variants = [
      { ...first, updates: [...first.updates, { at: "2026-08-19T00:00:00.000Z", status: "degraded" as const, summary: "s", message: "m" }] },
      { ...first, status: "degraded" as const },
      { ...first, resolved: true, endedAt: "2026-08-19T00:00:00.000Z" },
      { ...first, impactedServices: first.impactedServices.map((item, index) => (index === 0 ? { ...item, status: "operational" as const } : item)) },
    ];
    const prints = variants.map((variant) => fingerprintEvents([variant, ...rest]));
    expect(new Set([base, ...prints]).size).toBe(prints.length + 1);
    expect(fingerprintEvents([])).toBe("0-811c9dc5");
  });
});
