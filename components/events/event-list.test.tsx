import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EventList, orderEvents } from "@/components/events/event-list";
import { loadStatusFixture, textOf } from "@/tests/fixtures/ui/load-status-fixture";

const fixture = loadStatusFixture();
const html = renderToString(<EventList events={fixture.events} />);
const text = textOf(html);

describe("EventList", () => {
  it("orders open events worst first, then recently resolved ones", () => {
    const { active, resolved } = orderEvents(fixture.events);
    expect(active.map((event) => event.key)).toEqual(["multipleservices-me-central-1", "ec2-us-east-1"]);
    expect(resolved.map((event) => event.key)).toEqual(["lambda-eu-west-1"]);
    const positions = ["Increased Error Rates", "Increased API Error Rates", "Recently resolved", "[RESOLVED] Elevated Invoke Latencies"].map(
      (needle) => text.indexOf(needle),
    );
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual(positions.toSorted((a, b) => a - b));
    expect(text).toContain("Active events (2)");
  });

  it("renders upstream text inertly: escaped, never as an element", () => {
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(text).toContain("Retry requests that fail: <script>alert(1)</script> is not a valid instance type & neither is <b>bold</b>.");
  });

  it("keeps message paragraphs in a pre-line block", () => {
    expect(html).toMatch(/<p class="[^"]*whitespace-pre-line[^"]*">We can confirm increased error rates for the RunInstances API\.\n\nRetry/);
  });

  it("shows the newest update first and folds a long timeline after three", () => {
    expect(text).toContain("Show all 23 updates");
    expect(text).toContain("Hide the 20 older updates");
    expect(text.indexOf("Updates (2)")).toBeGreaterThan(0);
    const ec2 = text.slice(text.indexOf("Updates (2)"));
    expect(ec2.indexOf("2026-08-18 12:20 UTC")).toBeLessThan(ec2.indexOf("2026-08-18 11:48 UTC"));
    expect(text).not.toContain("Show all 2 updates");
  });

  it("prints every time in UTC inside a <time> element (local time is added after hydration)", () => {
    expect(html).toContain(
      '<time dateTime="2026-08-18T12:20:00.000Z" class="tabular-nums font-medium"><span class="whitespace-nowrap">2026-08-18 12:20 UTC</span></time>',
    );
    expect(text).toContain("Ended2026-08-18 09:05 UTC · lasted 1 h 35 min");
  });

  it("lists a multi-service event's affected services, worst first, with their peak", () => {
    expect(text).toContain("Affected services (6)");
    const order = ["Amazon Elastic Compute Cloud", "Amazon Managed Service for Prometheus", "Amazon Simple Storage Service", "AWS Management Console"].map(
      (name) => text.indexOf(`${name} `),
    );
    expect(order).toEqual(order.toSorted((a, b) => a - b));
    expect(text).toContain("AWS Management Console management-console · globalOperationalpeak: disrupted");
  });

  it("marks statuses with an icon and a word, and resolved events with Resolved", () => {
    expect(html).toContain('data-status-icon="disrupted"');
    expect(text).toMatch(/DisruptedMultiple servicesUAE|Disrupted\s*Multiple services/);
    expect(text).toContain("ResolvedAWS Lambdaeu-west-1 (Ireland)");
  });

  it("says so when nothing is open", () => {
    expect(textOf(renderToString(<EventList events={[]} />))).toContain("No open public events in view.");
  });
});
