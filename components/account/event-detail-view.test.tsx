import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AccountEventDetail } from "@/lib/shared/account-health-contract";
import { EntityRow } from "@/components/account/entity-row";
import { EventDetailView, EventHistory } from "@/components/account/event-detail-view";
import { ServerNowContext } from "@/components/ui/server-now-context";
import { textOf } from "@/tests/fixtures/ui/load-status-fixture";
import { ACCOUNT_FIXTURE_NOW, findFixtureEvent, loadAccountEventsFixture } from "@/tests/fixtures/ui/load-account-fixture";

const events = loadAccountEventsFixture();

function detailOf(eventTypeCode: string, overrides: Partial<AccountEventDetail> = {}): AccountEventDetail {
  const event = findFixtureEvent(events, eventTypeCode);
  return { ...event, updates: [{ at: event.startTime ?? "2026-11-27T00:00:00.000Z", status: "upcoming", description: "First notice." }, { at: event.lastUpdatedTime ?? "2026-11-27T01:00:00.000Z", status: event.status, description: event.description }], ...overrides };
}

const render = (event: AccountEventDetail) =>
  renderToString(
    <ServerNowContext value={ACCOUNT_FIXTURE_NOW}>
      <EventDetailView event={event} />
      <EventHistory event={event} />
    </ServerNowContext>,
  );

describe("EventDetailView", () => {
  it("shows the facts, the start countdown and the metadata as definition lists", () => {
    const html = render(detailOf("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"));
    const text = textOf(html);
    expect(html).toContain("<h1");
    for (const fact of ["StatusUpcoming", "CategoryScheduled change", "ServiceEC2", "Regionus-east-1 (N. Virginia)", "Account111122223333", "ScopeSpecific to this account", "Endnot announced", "ActionAction required", "Received fromAWS Health API"]) {
      expect(text).toContain(fact);
    }
    expect(text).toContain("Start2026-11-30 16:00 UTCstarts in 3 d 4 h");
    expect(html.match(/<dl/g)).toHaveLength(2);
    expect(text).toContain("instanceTypem5.large");
  });

  it("keeps the description's paragraphs as text and never interprets HTML", () => {
    const html = render(detailOf("AWS_BILLING_NOTIFICATION", { description: "<script>alert(1)</script>\n\nSecond paragraph <b>bold</b>" }));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;\n\nSecond paragraph &lt;b&gt;bold&lt;/b&gt;");
    expect(html).toMatch(/whitespace-pre-line">&lt;script&gt;/);
  });

  it("lists the update history newest first", () => {
    const text = textOf(render(detailOf("AWS_EC2_OPERATIONAL_ISSUE")));
    expect(text).toContain("Update history (2)");
    expect(text.indexOf("2026-11-27 11:40 UTC")).toBeLessThan(text.indexOf("First notice."));
  });

  it("marks security events and shows lifecycle progress", () => {
    expect(textOf(render(detailOf("AWS_RISK_CREDENTIALS_EXPOSED")))).toMatch(/^SecurityAWS_RISK_CREDENTIALS_EXPOSEDRisk credentials exposed/);
    expect(textOf(render(detailOf("AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT")))).toContain("1,200 pending·3,800 resolved");
  });

  it("says when AWS sent no description or metadata, and keeps unknown values", () => {
    const text = textOf(render(detailOf("AWS_HEALTH_PROACTIVE_ADVICE", { description: "", metadata: {}, scope: null })));
    expect(text).toContain("AWS sent no description.");
    expect(text).toContain("AWS sent no metadata for this event.");
    expect(text).toContain("CategoryproactiveAdvice");
    expect(text).toContain("Scopenot reported");
  });
});

describe("EntityRow", () => {
  const base = { entityArn: "arn:aws:lambda:us-west-2:123456789012:function:orders", entityValue: "orders", accountId: "123456789012", status: "PENDING", lastUpdatedTime: "2026-11-27T10:00:00.000Z", metadata: {} };

  it("links only http(s) entity URLs, in a new tab without opener", () => {
    const html = renderToString(<EntityRow entity={{ ...base, entityUrl: "https://console.aws.amazon.com/lambda/home#/functions/orders" }} rowIndex={2} striped={false} />);
    expect(html).toContain('href="https://console.aws.amazon.com/lambda/home#/functions/orders"');
    expect(html).toContain('rel="noopener noreferrer"');
    for (const unsafe of ["javascript:alert(1)", "data:text/html,hi", "/relative", "not a url"]) {
      expect(renderToString(<EntityRow entity={{ ...base, entityUrl: unsafe }} rowIndex={2} striped={false} />)).not.toContain("<a");
    }
  });

  it("is a row of five cells with its position, status in words", () => {
    const html = renderToString(<EntityRow entity={{ ...base, entityUrl: null, status: "SOMETHING_NEW" }} rowIndex={7} striped />);
    expect(html).toContain('role="row" aria-rowindex="7"');
    expect(html.match(/role="cell"/g)).toHaveLength(5);
    expect(textOf(html)).toBe("ordersarn:aws:lambda:us-west-2:123456789012:function:orders123456789012SOMETHING_NEW2026-11-27 10:00 UTC");
  });
});
