import { describe, expect, it } from "vitest";
import { parseNocParams } from "@/lib/client/noc/parse-noc-params";

const parse = (query: string) => parseNocParams(new URLSearchParams(query));

describe("parseNocParams", () => {
  it("gives the documented defaults for a bare /noc", () => {
    const result = parse("");
    expect(result).toEqual({
      ok: true,
      value: {
        scope: { regions: [], services: [], statuses: [], accounts: [], categories: [], mutedTypes: [] },
        rotateSeconds: 15,
        theme: "dark",
        distance: "room",
        layout: "auto",
        chime: false,
      },
    });
  });

  it("reads every parameter of one screen", () => {
    const result = parse(
      "region=eu-west-1,us-east-1&service=rds,EC2&status=disrupted&account=111122223333&category=issue,scheduledChange&mute=aws_ec2_instance_retirement_scheduled&rotate=30&theme=light&density=far&portrait=on&chime=on",
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.value).toEqual({
      scope: {
        regions: ["eu-west-1", "us-east-1"],
        services: ["rds", "ec2"],
        statuses: ["disrupted"],
        accounts: ["111122223333"],
        categories: ["issue", "scheduledChange"],
        mutedTypes: ["AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"],
      },
      rotateSeconds: 30,
      theme: "light",
      distance: "far",
      layout: "portrait",
      chime: true,
    });
  });

  it("accepts distance as another name for density, and portrait=off to force landscape", () => {
    const result = parse("distance=near&portrait=off&chime=off");
    expect(result.ok && [result.value.distance, result.value.layout, result.value.chime]).toEqual(["near", "landscape", false]);
  });

  it.each([
    ["rotate=4", "rotate: must be at least 5 seconds"],
    ["rotate=2.5", "rotate: must be a whole number of seconds"],
    ["rotate=soon", "rotate: must be a number of seconds"],
    ["theme=blue", "theme: must be dark or light"],
    ["density=huge", "density: must be near, room, far"],
    ["chime=loud", 'chime: must be on or off (got "loud")'],
    ["region=EU WEST", "region"],
    ["account=123", "account must be a 12-digit AWS account id"],
    ["regoin=eu-west-1", "unknown parameter regoin"],
    ["rotate=10&rotate=20", "rotate is given more than once"],
    ["density=far&distance=near", "give density or distance, not both"],
  ])("rejects %s with a message that says why", (query, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it("reports every problem at once", () => {
    const result = parse("rotate=1&theme=pink&bogus=1");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain("rotate");
      expect(result.error).toContain("theme");
      expect(result.error).toContain("bogus");
    }
  });

  it("reads the record form Next.js gives a page", () => {
    const result = parseNocParams({ region: ["eu-west-1", "eu-central-1"], rotate: "5" });
    expect(result.ok && [result.value.scope.regions, result.value.rotateSeconds]).toEqual([["eu-west-1", "eu-central-1"], 5]);
  });
});
