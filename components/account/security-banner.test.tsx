import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { selectOpenSecurityEvents } from "@/lib/client/account/account-panels";
import { SecurityBannerView } from "@/components/account/security-banner-view";
import { textOf } from "@/tests/fixtures/ui/load-status-fixture";
import { findFixtureEvent, loadAccountEventsFixture } from "@/tests/fixtures/ui/load-account-fixture";

const events = loadAccountEventsFixture();

describe("SecurityBannerView", () => {
  it("is an alert with an icon and words, linking each open security event", () => {
    const html = renderToString(<SecurityBannerView events={selectOpenSecurityEvents(events)} />);
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
    const text = textOf(html);
    expect(text).toContain("Security alert: 2 open security events in 2 of your accounts");
    expect(text).toContain("Risk credentials exposed (AWS_RISK_CREDENTIALS_EXPOSED) in account 111122223333, us-east-1 (N. Virginia), since 2026-11-27 08:20 UTC");
    expect(text).toContain("This banner stays until AWS closes the event.");
    expect(html).toContain(`href="/events/${findFixtureEvent(events, "AWS_ABUSE_DOS_REPORT").id}"`);
  });

  it("speaks of one event in the singular, and lists three at most", () => {
    const one = findFixtureEvent(events, "AWS_RISK_CREDENTIALS_EXPOSED");
    expect(textOf(renderToString(<SecurityBannerView events={[one]} />))).toContain("Security alert: AWS reports a security risk in your account");
    const many = Array.from({ length: 5 }, (_, i) => ({ ...one, id: `risk-event-${i}` }));
    const html = renderToString(<SecurityBannerView events={many} />);
    expect(html.match(/<li/g)).toHaveLength(3);
    expect(textOf(html)).toContain("2 more.");
  });

  it("renders nothing when no security event is open", () => {
    expect(renderToString(<SecurityBannerView events={[]} />)).toBe("");
    const closed = events.filter((event) => event.status === "closed");
    expect(renderToString(<SecurityBannerView events={selectOpenSecurityEvents(closed)} />)).toBe("");
  });
});
