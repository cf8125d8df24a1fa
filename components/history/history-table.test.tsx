import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HistoryFilterForm } from "@/components/history/history-filter-form";
import { HistoryTable } from "@/components/history/history-table";
import { loadStatusFixture, textOf } from "@/tests/fixtures/ui/load-status-fixture";

const fixture = loadStatusFixture();

describe("HistoryTable", () => {
  const html = renderToString(<HistoryTable events={fixture.events} />);
  const text = textOf(html);

  it("lists events newest first with start, end, duration, region and final status", () => {
    const order = ["ec2-us-east-1", "lambda-eu-west-1", "multipleservices-me-central-1"].map((key) => text.indexOf(key));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect(order).toEqual(order.toSorted((a, b) => a - b));
    expect(text).toContain("2026-08-18 07:30 UTC2026-08-18 09:05 UTC1 h 35 minAWS Lambdalambda-eu-west-1eu-west-1 (Ireland)Operationalpeak: informational");
    expect(text).toContain("Ongoing—Amazon Elastic Compute Cloud");
  });

  it("folds each timeline into a native disclosure that works without JavaScript", () => {
    expect(html.match(/<details/g)?.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain("Timeline (23 updates)");
    expect(text).toContain("Timeline (2 updates)");
    expect(html).not.toContain("<script");
  });

  it("notes multi-service events", () => {
    expect(text).toContain("6 affected services");
  });
});

describe("HistoryFilterForm", () => {
  it("submits as GET to /history with labelled fields and keeps the values", () => {
    const html = renderToString(<HistoryFilterForm values={{ service: "ec2", region: "us-east-1", from: "2026-08-01", to: "" }} />);
    expect(html).toMatch(/<form[^>]* action="\/history" method="get"/);
    for (const name of ["service", "region", "from", "to"]) {
      expect(html).toMatch(new RegExp(`<label for="history-${name}"`));
      expect(html).toMatch(new RegExp(`<input id="history-${name}"[^>]* name="${name}"`));
    }
    expect(html).toContain('value="ec2"');
    expect(html).toMatch(/<input id="history-from" type="date"[^>]* value="2026-08-01"/);
  });
});
