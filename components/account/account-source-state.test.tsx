import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SourceHealth } from "@/lib/shared/public-status-contract";
import { AccountSourceState } from "@/components/account/account-source-state";
import { textOf } from "@/tests/fixtures/ui/load-status-fixture";

const source = (overrides: Partial<SourceHealth>): SourceHealth => ({
  id: "account-health-api",
  label: "AWS Health API",
  state: "ok",
  lastSuccessAt: "2026-11-27T11:59:00.000Z",
  lastAttemptAt: "2026-11-27T11:59:00.000Z",
  error: null,
  intervalSeconds: 60,
  ...overrides,
});

describe("AccountSourceState", () => {
  it("explains how to turn account health on when no source exists", () => {
    const text = textOf(renderToString(<AccountSourceState sources={[]} />));
    expect(text).toContain("No account source is turned on");
    expect(text).toContain("HEALTHDECK_ACCOUNT_HEALTH=auto");
    expect(text).toContain("HEALTHDECK_INGEST_TOKEN");
    expect(text).toContain("POST /api/v1/ingest/eventbridge");
  });

  it("compact: points to the account page instead; nested: an h3", () => {
    const html = renderToString(<AccountSourceState sources={[]} compact nested />);
    expect(html).toContain('href="/account"');
    expect(html).toContain("<h3");
    expect(textOf(html)).not.toContain("HEALTHDECK_INGEST_TOKEN");
  });

  it("shows an unavailable source with its reason, and warns that data is not updating", () => {
    const html = renderToString(<AccountSourceState sources={[source({ state: "unavailable", lastSuccessAt: null, error: "AWS Health API needs a Business support plan" })]} />);
    const text = textOf(html);
    expect(text).toContain("Your account data is not updating");
    expect(text).toContain("AWS Health APIUnavailable— AWS Health API needs a Business support plan");
    expect(html).toContain('data-status-icon="disrupted"');
  });

  it("a live source next to a failing one: part of the data is not updating", () => {
    const text = textOf(renderToString(<AccountSourceState sources={[source({}), source({ id: "account-eventbridge", label: "EventBridge push", state: "error", error: "last delivery rejected" })]} />));
    expect(text).toContain("Part of your account data is not updating.");
    expect(text).toContain("AWS Health APILive");
    expect(text).toContain("EventBridge pushError· updated 2026-11-27 11:59 UTC— last delivery rejected");
  });

  it("a disabled source alone counts as not turned on, with its reason", () => {
    const text = textOf(renderToString(<AccountSourceState sources={[source({ state: "disabled", lastSuccessAt: null, error: "HEALTHDECK_ACCOUNT_HEALTH=off" })]} />));
    expect(text).toContain("No account source is turned on");
    expect(text).toContain("AWS Health APIOff— HEALTHDECK_ACCOUNT_HEALTH=off");
  });
});
