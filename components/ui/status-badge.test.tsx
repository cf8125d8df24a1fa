import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HEALTH_STATUSES } from "@/lib/shared/health-status";
import { SimulatedBanner } from "@/components/shell/simulated-banner";
import { StatusBadge } from "@/components/ui/status-badge";
import { StatusLegend } from "@/components/ui/status-legend";
import { TimeStamp } from "@/components/ui/time-stamp";
import { textOf } from "@/tests/fixtures/ui/load-status-fixture";

describe("status presentation", () => {
  it("gives every status its own shape and word, not just a colour", () => {
    const shapes = new Set<string>();
    for (const status of HEALTH_STATUSES) {
      const html = renderToString(<StatusBadge status={status} />);
      expect(html).toContain(`data-status-icon="${status}"`);
      expect(html).toContain('aria-hidden="true"');
      shapes.add(html.match(/<path d="([^"]+)" fill="currentColor"/)?.[1] ?? "");
    }
    expect(shapes.size).toBe(HEALTH_STATUSES.length);
    expect(textOf(renderToString(<StatusBadge status="degraded" />))).toBe("Degraded");
  });

  it("explains all five statuses in the legend", () => {
    const text = textOf(renderToString(<StatusLegend />));
    for (const word of ["Operational", "Informational", "Degraded", "Disrupted", "Unknown", "not listed in that region"]) expect(text).toContain(word);
  });

  it("announces simulated data as a status", () => {
    const html = renderToString(<SimulatedBanner />);
    expect(html).toContain('role="status"');
    expect(textOf(html)).toBe("Simulated data — built-in AWS simulator, not real AWS status");
  });

  it("renders only UTC on the server, so hydration cannot mismatch on the viewer's zone", () => {
    expect(renderToString(<TimeStamp iso="2026-08-18T12:20:00.000Z" />)).toBe(
      '<time dateTime="2026-08-18T12:20:00.000Z" class="tabular-nums "><span class="whitespace-nowrap">2026-08-18 12:20 UTC</span></time>',
    );
  });
});
