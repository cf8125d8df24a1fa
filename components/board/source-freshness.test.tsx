import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SourceFreshness } from "@/components/board/source-freshness";
import { ServerNowContext } from "@/components/ui/server-now-context";
import { loadStatusFixture, textOf } from "@/tests/fixtures/ui/load-status-fixture";

const fixture = loadStatusFixture();
const render = (sources = fixture.sources) =>
  renderToString(
    <ServerNowContext value={Date.parse(fixture.generatedAt)}>
      <SourceFreshness sources={sources} />
    </ServerNowContext>,
  );

describe("SourceFreshness", () => {
  const html = render();
  const text = textOf(html);

  it("shows each source's age relative to the server's render time", () => {
    expect(text).toContain("AWS current events (JSON)Live· updated 12 s ago· every 60 s");
    expect(text).toContain("AWS all-services RSSLive· updated 2 min ago· every 5 min");
  });

  it("raises an alert for a failing source, with its age and error, and never shows it as live", () => {
    expect(html).toContain('role="alert"');
    expect(text).toContain("Public status data is stale");
    expect(text).toContain("AWS service catalog: last successful update 14 min ago");
    expect(text).toContain("(error: HTTP 503 from servicedata-us-east-1-prod.s3.amazonaws.com)");
    expect(text).toContain("AWS service catalogError");
    expect(text).not.toContain("AWS service catalogLive");
  });

  it("gives screen readers a fixed time instead of the ticking one", () => {
    expect(text).toContain("last successful update at 2026-08-18 12:16 UTC");
  });

  it("has no alert when every source is fresh", () => {
    const fresh = fixture.sources.filter((source) => source.state === "ok");
    expect(render(fresh)).not.toContain('role="alert"');
  });
});
