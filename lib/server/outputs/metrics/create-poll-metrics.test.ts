import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createPollMetrics } from "@/lib/server/outputs/metrics/create-poll-metrics";

describe("createPollMetrics", () => {
  it("counts Health API calls by operation and failed cycles by a bounded reason", async () => {
    const metrics = createPollMetrics();
    const registry = new Registry();
    metrics.registerOn(registry);
    metrics.recordAccountCycle({ sourceId: "account-health", state: "ok", durationMs: 1200, calls: { DescribeEvents: 2, DescribeEventDetails: 1 } });
    metrics.recordAccountCycle({ sourceId: "account-health", state: "error", durationMs: 300, calls: { DescribeEvents: 1, "arn:aws:iam::123456789012:role/x": 1 } });
    metrics.recordSourceCycle({ sourceId: "public-rss", ok: false, documents: 0, fetched: 0, notModified: 0, failed: 0, bytes: 0, durationMs: 50, failureReason: "something-new" });
    const text = await registry.metrics();
    expect(text).toMatch(/^healthdeck_health_api_calls_total\{operation="DescribeEvents"\} 3$/m);
    expect(text).toMatch(/^healthdeck_health_api_calls_total\{operation="DescribeEventDetails"\} 1$/m);
    expect(text).toMatch(/^healthdeck_health_api_calls_total\{operation="other"\} 1$/m);
    expect(text).not.toContain("arn:aws");
    expect(text).toMatch(/^healthdeck_source_poll_errors_total\{source="account-health",reason="error"\} 1$/m);
    expect(text).toMatch(/^healthdeck_source_poll_errors_total\{source="public-rss",reason="other"\} 1$/m);
    expect(text).toMatch(/^healthdeck_source_poll_duration_seconds_count\{source="account-health"\} 2$/m);
    expect(text).toMatch(/^healthdeck_source_polls_total\{source="public-rss"\} 1$/m);
  });
});
