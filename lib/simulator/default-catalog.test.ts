import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildBuiltInCatalog, loadDefaultCatalog } from "@/lib/simulator/default-catalog";

describe("loadDefaultCatalog", () => {
  it("falls back to the built-in list when there is no snapshot", () => {
    const catalog = loadDefaultCatalog(path.join(tmpdir(), "healthdeck-no-such-snapshot.json"));
    expect(catalog).toEqual(buildBuiltInCatalog());
    expect(catalog.find((entry) => entry.service === "dynamodb-us-west-2")).toEqual({
      service: "dynamodb-us-west-2",
      service_name: "Amazon DynamoDB",
      region_id: "us-west-2",
      region_name: "Oregon",
    });
    expect(catalog.find((entry) => entry.service === "route53")).toMatchObject({ region_id: "" });
  });

  it("reads a snapshot (BOM tolerated) and adds the built-in keys it lacks", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "healthdeck-catalog-"));
    const file = path.join(dir, "services-snapshot.json");
    const entries = [
      { service: "ec2-us-east-1", service_name: "EC2 From Snapshot", region_id: "us-east-1", region_name: "N. Virginia" },
      { service: "athena-us-west-2", service_name: "Amazon Athena", region_id: "us-west-2", region_name: "Oregon" },
    ];
    await writeFile(file, `\uFEFF${JSON.stringify(entries)}`);
    const catalog = loadDefaultCatalog(file);
    expect(catalog.slice(0, 2)).toEqual(entries);
    expect(catalog.filter((entry) => entry.service === "ec2-us-east-1")).toHaveLength(1);
    expect(catalog.map((entry) => entry.service)).toContain("multipleservices-us-east-1");
  });

  it("ignores a snapshot of the wrong shape or broken JSON", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "healthdeck-catalog-"));
    const file = path.join(dir, "services-snapshot.json");
    await writeFile(file, JSON.stringify([{ name: "not a catalogue entry" }]));
    expect(loadDefaultCatalog(file)).toEqual(buildBuiltInCatalog());
    await writeFile(file, "[{ truncated");
    expect(loadDefaultCatalog(file)).toEqual(buildBuiltInCatalog());
  });
});
