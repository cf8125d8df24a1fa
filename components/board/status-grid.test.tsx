import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildBoardModel } from "@/lib/client/board-model";
import { REGION_NAMES } from "@/lib/client/aws-regions";
import { StatusGrid } from "@/components/board/status-grid";
import { ServerStatusGrid } from "@/components/board/server-status-grid";
import { RegionNamesContext } from "@/components/ui/region-names-context";
import { loadStatusFixture, textOf } from "@/tests/fixtures/ui/load-status-fixture";

const fixture = loadStatusFixture();
const render = (query = "", filterRegions: string[] = []) =>
  renderToString(
    <RegionNamesContext value={REGION_NAMES}>
      <StatusGrid model={buildBoardModel(fixture.services, query)} filterRegions={filterRegions} query={query} />
    </RegionNamesContext>,
  );

describe("StatusGrid", () => {
  const html = render();
  const text = textOf(html);

  it("lists services with problems first, worst first", () => {
    const rows = [...html.matchAll(/<th scope="row" title="([^"]+)"/g)].map((match) => match[1]);
    expect(rows).toEqual([
      "Amazon Elastic Compute Cloud (ec2)",
      "Amazon Relational Database Service (rds)",
      "Amazon Simple Storage Service (s3)",
      "Amazon Elastic Container Service (ecs)",
      "Amazon CloudFront (cloudfront)",
      "AWS Lambda (lambda)",
    ]);
  });

  it("folds healthy services into one disclosure, not rendered until opened", () => {
    expect(text).toContain("8 more services operational in all regions — show");
    expect(html).toMatch(/<button type="button" aria-expanded="false" aria-controls="[^"]+"/);
    expect(text).not.toContain("Amazon DynamoDB");
  });

  it("shows only regions with a problem, Global first, and offers all", () => {
    const headers = [...html.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/g)].map((match) => match[1]);
    expect(headers).toEqual(["Service", "Global", "eu-west-1", "me-central-1", "us-east-1"]);
    expect(text).toContain("Show all 5 regions");
    expect(text).toContain("Showing 4 of 5 regions.");
  });

  it("labels every cell with icon, word and a full description", () => {
    expect(html).toContain('title="Amazon Elastic Compute Cloud in us-east-1 (N. Virginia): degraded since 2026-08-18 11:48 UTC"');
    expect(html).toContain('title="Amazon Elastic Container Service in me-central-1 (UAE): unknown since 2026-08-18 12:02 UTC"');
    expect(html).toContain('title="Amazon CloudFront in Global: informational since 2026-08-18 10:00 UTC"');
    for (const [status, word] of [["disrupted", "Disrupted"], ["degraded", "Degraded"], ["unknown", "Unknown"], ["informational", "Info"]]) {
      expect(html).toMatch(new RegExp(`data-status-icon="${status}"[^]*?</svg>${word}</span>`));
    }
    // operational cells carry their check mark in CSS (one element per cell at AWS scale)
    expect(html).toContain('<td title="Amazon Elastic Compute Cloud in eu-west-1 (Ireland): operational" class="grid-cell-ok">OK</td>');
  });

  it("marks service-region pairs that do not exist as not listed", () => {
    expect(text).toContain("not listed");
  });

  it("shows matching healthy services directly while searching", () => {
    const searched = render("dynamo");
    expect(textOf(searched)).toContain("Amazon DynamoDB");
    expect(searched).not.toContain("aria-expanded");
    expect(textOf(searched)).toContain("Every service in view is operational.");
  });

  it("uses the filter's regions as columns", () => {
    const headers = [...render("", ["ap-northeast-1"]).matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/g)].map((match) => match[1]);
    expect(headers).toEqual(["Service", "ap-northeast-1"]);
  });

  it("renders only a window of rows when many healthy services are shown, keeping the full row count for screen readers", () => {
    const many = Array.from({ length: 100 }, (_, index) => ({
      key: `svc${index}-us-east-1`,
      service: `svc${index}`,
      region: "us-east-1",
      name: `Amazon Service ${String(index).padStart(3, "0")}`,
      status: "operational" as const,
      since: null,
      account: null,
    }));
    const html = renderToString(<StatusGrid model={buildBoardModel(many, "amazon")} filterRegions={[]} query="amazon" />);
    expect(html.match(/<th scope="row"/g)).toHaveLength(40);
    expect(html).toContain('aria-rowcount="101"');
    expect(html).toContain('aria-rowindex="41"');
    expect(html).not.toContain('aria-rowindex="42"');
    expect(html).toContain('style="height:2160px"');
  });

  it("windows a long list of problem rows too (a total outage or a failed source marks everything unknown)", () => {
    const outage = Array.from({ length: 120 }, (_, index) => ({
      key: `svc${index}-us-east-1`,
      service: `svc${index}`,
      region: "us-east-1",
      name: `Amazon Service ${String(index).padStart(3, "0")}`,
      status: "unknown" as const,
      since: "2026-08-18T12:00:00.000Z",
      account: null,
    }));
    const html = renderToString(<StatusGrid model={buildBoardModel(outage, "")} filterRegions={[]} query="" />);
    expect(html.match(/<th scope="row"/g)).toHaveLength(40);
    expect(html).toContain('aria-rowcount="121"');
    expect(html).toContain("max-h-[80vh]");
    expect(html).toContain('style="height:2880px"');
  });

  it("explains an empty result", () => {
    expect(textOf(render("no such service"))).toContain("No services match the current filter and the search “no such service”.");
  });
});

describe("StatusGrid without region names", () => {
  it("falls back to bare region codes", () => {
    const html = renderToString(<StatusGrid model={buildBoardModel(fixture.services, "")} filterRegions={[]} query="" />);
    expect(html).toContain('title="Amazon Elastic Compute Cloud in us-east-1: degraded since 2026-08-18 11:48 UTC"');
  });
});

describe("ServerStatusGrid", () => {
  it("renders the same markup as the browser's grid, folded and unsearched", () => {
    const model = buildBoardModel(fixture.services, "");
    const server = renderToString(<ServerStatusGrid model={model} filterRegions={[]} regionNames={REGION_NAMES} />);
    expect(server).toBe(render());
  });
});
