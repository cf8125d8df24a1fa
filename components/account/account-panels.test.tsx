import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AccountPanels } from "@/components/account/account-panels";
import { LifecycleProgress } from "@/components/account/lifecycle-progress";
import { ServerNowContext } from "@/components/ui/server-now-context";
import { textOf } from "@/tests/fixtures/ui/load-status-fixture";
import { ACCOUNT_FIXTURE_NOW, findFixtureEvent, loadAccountEventsFixture } from "@/tests/fixtures/ui/load-account-fixture";

const events = loadAccountEventsFixture();
const render = (compact = false) =>
  renderToString(
    <ServerNowContext value={ACCOUNT_FIXTURE_NOW}>
      <AccountPanels events={events} compact={compact} />
    </ServerNowContext>,
  );

function panelText(html: string, id: string): string {
  const start = html.indexOf(`data-panel="${id}"`);
  const end = html.indexOf("</section>", start);
  return textOf(html.slice(html.indexOf(">", start) + 1, end));
}

describe("AccountPanels", () => {
  const html = render();

  it("shows the three dashboard panels with their counts as headings", () => {
    expect(html.match(/<h2 /g)).toHaveLength(3);
    expect(panelText(html, "open-issues")).toMatch(/^Open issues3 events/);
    expect(panelText(html, "scheduled-changes")).toMatch(/^Scheduled changes4 events/);
    expect(panelText(html, "other-notifications")).toMatch(/^Other notifications5 events/);
  });

  it("counts down to scheduled changes, soonest first, and counts up once they started", () => {
    const text = panelText(html, "scheduled-changes");
    expect(text.indexOf("RDS maintenance scheduled")).toBeLessThan(text.indexOf("EC2 instance retirement scheduled"));
    expect(text).toContain("started 2 h ago");
    expect(text).toContain("starts in 3 d 4 h");
    expect(text).toContain("starts in 61 d 1 h");
  });

  it("shows pending → resolved counts of a planned lifecycle event", () => {
    expect(panelText(html, "scheduled-changes")).toContain("1,200 pending·3,800 resolved(76% done)");
  });

  it("links every event to its page and marks security events in words", () => {
    for (const event of events.filter((candidate) => candidate.status !== "closed")) expect(html).toContain(`href="/events/${event.id}"`);
    expect(html).not.toContain(`href="/events/${findFixtureEvent(events, "AWS_RISK_IAM_QUARANTINE").id}"`);
    expect(panelText(html, "open-issues")).toContain("SecurityRisk credentials exposed");
    expect(panelText(html, "other-notifications")).toContain("SecurityAbuse DoS report");
  });

  it("keeps unknown categories and statuses visible with their own words", () => {
    const text = panelText(html, "other-notifications");
    expect(text).toContain("AWS_HEALTH_PROACTIVE_ADVICE");
    expect(text).toContain("mitigating");
    expect(text).toContain("ap-southeast-2 (Sydney)");
    expect(text).toContain("Global");
  });

  it("compact: panel headings become h3, three events at most, the rest linked to the log", () => {
    const compact = render(true);
    expect(compact).not.toContain("<h2");
    expect(compact.match(/<h3 /g)).toHaveLength(3);
    expect(textOf(compact)).toContain("1 more in the event log");
    expect(textOf(compact)).toContain("2 more in the event log");
    expect(textOf(compact)).toContain("starts in 3 d 4 h");
    expect(compact).toContain('href="/account/events?status=open,upcoming"');
  });

  it("says so when a panel is empty", () => {
    const text = textOf(renderToString(<AccountPanels events={[]} />));
    expect(text).toContain("No open issues in your accounts.");
    expect(text).toContain("No upcoming or ongoing scheduled changes.");
  });
});

describe("LifecycleProgress", () => {
  it("draws the bar for the eye only and states the numbers", () => {
    const html = renderToString(<LifecycleProgress counts={{ total: 10, byStatus: { PENDING: 2, RESOLVED: 5, WEIRD: 3 } }} />);
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain("width:50.00%");
    expect(textOf(html)).toBe("2 pending·5 resolved·3 other(50% done)");
    expect(textOf(renderToString(<LifecycleProgress counts={{ total: 0, byStatus: {} }} />))).toBe("No affected resources reported yet.");
  });
});
