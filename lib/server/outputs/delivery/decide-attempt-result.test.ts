import { describe, expect, it } from "vitest";
import { computeRetryDelay, decideAttemptResult } from "@/lib/server/outputs/delivery/decide-attempt-result";
import { parseRetryAfter, type SendOutcome } from "@/lib/server/outputs/delivery/post-json";
import type { Delivery } from "@/lib/server/store/contract/outbox-contract";

const NOW = 1_000_000;
const policy = { baseMs: 1000, capMs: 60_000, random: () => 1 };
const delivery = { attempts: 0, deadlineAt: NOW + 3_600_000 } as Delivery;
const outcome = (status: number | null, retryAfterMs: number | null = null): SendOutcome => ({ ok: status !== null && status < 300, status, retryAfterMs, error: status === null ? "network error" : `HTTP ${status}`, responseText: "" });

describe("what an answer means", () => {
  it("2xx is sent; 404 and 410 break the channel; other 4xx and 3xx fail for good", () => {
    expect(decideAttemptResult(delivery, outcome(204), NOW, policy)).toMatchObject({ status: "sent", lastError: null, isChannelBroken: false });
    expect(decideAttemptResult(delivery, outcome(410), NOW, policy)).toMatchObject({ status: "failed", isChannelBroken: true });
    expect(decideAttemptResult(delivery, outcome(404), NOW, policy)).toMatchObject({ status: "failed", isChannelBroken: true });
    expect(decideAttemptResult(delivery, outcome(400), NOW, policy)).toMatchObject({ status: "failed", isChannelBroken: false });
    expect(decideAttemptResult(delivery, outcome(302), NOW, policy)).toMatchObject({ status: "failed" });
  });

  it("429 waits for Retry-After and pauses the channel; 5xx, 408 and no answer back off", () => {
    expect(decideAttemptResult(delivery, outcome(429, 7000), NOW, policy)).toMatchObject({ status: "queued", nextAttemptAt: NOW + 7000, pauseChannelUntil: NOW + 7000 });
    expect(decideAttemptResult(delivery, outcome(503), NOW, policy)).toMatchObject({ status: "queued", nextAttemptAt: NOW + 1000, pauseChannelUntil: null });
    expect(decideAttemptResult({ ...delivery, attempts: 3 }, outcome(null), NOW, policy)).toMatchObject({ status: "queued", nextAttemptAt: NOW + 8000 });
    expect(decideAttemptResult(delivery, outcome(408), NOW, policy).status).toBe("queued");
  });

  it("expires when the next attempt would pass the deadline", () => {
    expect(decideAttemptResult({ ...delivery, deadlineAt: NOW + 500 }, outcome(500), NOW, policy)).toMatchObject({ status: "expired", lastError: expect.stringContaining("HTTP 500") });
  });

  it("backs off exponentially with jitter, capped", () => {
    expect([1, 2, 3, 4].map((attempt) => computeRetryDelay(attempt, policy))).toEqual([1000, 2000, 4000, 8000]);
    expect(computeRetryDelay(20, policy)).toBe(60_000);
    expect(computeRetryDelay(2, { ...policy, random: () => 0 })).toBe(1000);
  });

  it("reads Retry-After as seconds or a date", () => {
    expect(parseRetryAfter("3", NOW)).toBe(3000);
    expect(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000);
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter("soon", NOW)).toBeNull();
  });
});
