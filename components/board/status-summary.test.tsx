import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatusSummary } from "@/components/board/status-summary";
import { textOf } from "@/tests/fixtures/ui/load-status-fixture";

describe("StatusSummary", () => {
  it("counts worst first, skips zeros and groups thousands", () => {
    const counts = { operational: 5840, informational: 0, degraded: 5, disrupted: 2, unknown: 1 };
    const html = renderToString(<StatusSummary counts={counts} total={5848} />);
    expect(textOf(html)).toBe("Service-region pairs in view: 2 disrupted·5 degraded·1 unknown·5,840 operational");
    expect(html).toContain('data-status-icon="unknown"');
    expect(html).not.toContain('data-status-icon="informational"');
  });

  it("says when nothing is in view", () => {
    const counts = { operational: 0, informational: 0, degraded: 0, disrupted: 0, unknown: 0 };
    expect(textOf(renderToString(<StatusSummary counts={counts} total={0} />))).toBe("No services in view.");
  });
});
