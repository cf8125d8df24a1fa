import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildBoardModel, chooseColumns } from "@/lib/client/board-model";
import { statusResponseSchema } from "@/lib/shared/public-status-contract";

const fixture = statusResponseSchema.parse(
  JSON.parse(readFileSync(new URL("../../tests/fixtures/ui/status-response.json", import.meta.url), "utf8")),
);

describe("buildBoardModel", () => {
  const model = buildBoardModel(fixture.services, "");

  it("puts services with problems first, worst first, then by problem count", () => {
    expect(model.problemRows.map((row) => [row.service, row.worst, row.problemCount])).toEqual([
      ["ec2", "disrupted", 2],
      ["rds", "disrupted", 1],
      ["s3", "degraded", 1],
      ["ecs", "unknown", 1],
      ["cloudfront", "informational", 1],
      ["lambda", "informational", 1],
    ]);
  });

  it("keeps healthy services apart, by name without the Amazon/AWS prefix", () => {
    expect(model.healthyRows.map((row) => row.name)).toEqual([
      "Amazon CloudWatch",
      "Amazon DynamoDB",
      "Amazon Elastic Kubernetes Service",
      "AWS Identity and Access Management",
      "AWS Management Console",
      "Amazon Neptune",
      "Amazon Route 53",
      "Amazon Simple Queue Service",
    ]);
  });

  it("counts every pair in view by status", () => {
    expect(model.counts).toEqual({ operational: 35, informational: 2, degraded: 2, disrupted: 2, unknown: 1 });
    expect(model.total).toBe(42);
  });

  it("lists Global first, then regions; problem columns only where something is wrong", () => {
    expect(model.allColumns).toEqual(["global", "ap-northeast-1", "eu-west-1", "me-central-1", "us-east-1"]);
    expect(model.problemColumns).toEqual(["global", "eu-west-1", "me-central-1", "us-east-1"]);
  });

  it("filters by name or slug, case-insensitively", () => {
    const lambda = buildBoardModel(fixture.services, "LAMB");
    expect(lambda.problemRows.map((row) => row.service)).toEqual(["lambda"]);
    expect(lambda.total).toBe(4);
    expect(buildBoardModel(fixture.services, "neptune-db").healthyRows).toHaveLength(1);
    expect(buildBoardModel(fixture.services, "nothing like this").total).toBe(0);
  });
});

describe("chooseColumns", () => {
  const model = buildBoardModel(fixture.services, "");
  it("shows problem regions by default, the filter's regions when set, all on request", () => {
    expect(chooseColumns(model, { filterRegions: [], showAllRegions: false })).toEqual(model.problemColumns);
    expect(chooseColumns(model, { filterRegions: ["us-east-1", "ap-northeast-1"], showAllRegions: false })).toEqual([
      "ap-northeast-1",
      "us-east-1",
    ]);
    expect(chooseColumns(model, { filterRegions: [], showAllRegions: true })).toHaveLength(5);
  });
  it("shows every region when nothing is wrong", () => {
    const healthy = buildBoardModel(fixture.services.filter((entry) => entry.status === "operational"), "");
    expect(chooseColumns(healthy, { filterRegions: [], showAllRegions: false })).toEqual(healthy.allColumns);
  });
});
