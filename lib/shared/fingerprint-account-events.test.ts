import { describe, expect, it } from "vitest";
import { fingerprintAccountEvents } from "@/lib/shared/fingerprint-account-events";
import type { AccountEventsResponse } from "@/lib/shared/account-health-contract";
import { loadAccountEventsFixture } from "@/tests/fixtures/ui/load-account-fixture";

const events = loadAccountEventsFixture();
const source = { id: "account-health", label: "Your AWS accounts (Health API)", state: "ok" as const, lastSuccessAt: "2026-11-27T10:00:00Z", lastAttemptAt: "2026-11-27T10:00:00Z", error: null, intervalSeconds: 60 };
const response: AccountEventsResponse = { sources: [source], events };

describe("fingerprintAccountEvents", () => {
  it("is the same for the same events in any order, and across polls that changed nothing", () => {
    const polledAgain = { sources: [{ ...source, lastSuccessAt: "2026-11-27T10:01:00Z", lastAttemptAt: "2026-11-27T10:01:00Z" }], events: [...events].reverse() };
    expect(fingerprintAccountEvents(polledAgain)).toBe(fingerprintAccountEvents(response));
  });

  it("changes when an event changes, appears or goes, and when the source's state changes", () => {
    const base = fingerprintAccountEvents(response);
    const [first, ...rest] = events;
    if (first === undefined) throw new Error("fixture has no events");
    expect(fingerprintAccountEvents({ ...response, events: [{ ...first, status: "closed" }, ...rest] })).not.toBe(base);
    expect(fingerprintAccountEvents({ ...response, events: [{ ...first, description: `${first.description} Update.` }, ...rest] })).not.toBe(base);
    expect(fingerprintAccountEvents({ ...response, events: rest })).not.toBe(base);
    expect(fingerprintAccountEvents({ ...response, sources: [{ ...source, state: "unavailable", error: "SubscriptionRequiredException" }] })).not.toBe(base);
    expect(fingerprintAccountEvents(null)).toBe("unreadable");
  });
});
