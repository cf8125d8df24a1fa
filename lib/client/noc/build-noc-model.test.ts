import { describe, expect, it } from "vitest";
import { EMPTY_LIVE_SCOPE } from "@/lib/shared/live-scope";
import type { SourceHealth, StatusResponse } from "@/lib/shared/public-status-contract";
import { buildNocModel, MAX_ROWS_PER_REGION, toWallStreamScope, type NocAccountInput } from "@/lib/client/noc/build-noc-model";
import { trimForWall } from "@/lib/client/noc/trim-for-wall";
import { loadAccountEventsFixture } from "@/tests/fixtures/ui/load-account-fixture";
import { loadStatusFixture } from "@/tests/fixtures/ui/load-status-fixture";

const ACCOUNT_SOURCE: SourceHealth = {
  id: "account-health",
  label: "Your AWS accounts (Health API)",
  state: "ok",
  lastSuccessAt: "2026-11-27T11:59:00.000Z",
  lastAttemptAt: "2026-11-27T11:59:00.000Z",
  error: null,
  intervalSeconds: 60,
};

const account = (): NocAccountInput => ({ sources: [ACCOUNT_SOURCE], events: loadAccountEventsFixture() });
const codes = (rows: { event: { eventTypeCode: string } }[]) => rows.map((row) => row.event.eventTypeCode);

describe("buildNocModel", () => {
  it("puts open security events first, whatever their category, and leaves closed ones out", () => {
    const model = buildNocModel(loadStatusFixture(), account(), EMPTY_LIVE_SCOPE);
    expect(codes(model.security)).toEqual(["AWS_RISK_CREDENTIALS_EXPOSED", "AWS_ABUSE_DOS_REPORT"]);
    expect(model.rowKeys.slice(0, 2)).toEqual(model.security.map((row) => row.rowKey));
  });

  it("lists services with problems worst first, with region, since and the latest AWS summary", () => {
    const model = buildNocModel(loadStatusFixture(), account(), EMPTY_LIVE_SCOPE);
    expect(model.services.map((row) => [row.key, row.status])).toEqual([
      ["ec2-me-central-1", "disrupted"],
      ["rds-me-central-1", "disrupted"],
      ["s3-me-central-1", "degraded"],
      ["ec2-us-east-1", "degraded"],
      ["ecs-me-central-1", "unknown"],
      ["lambda-eu-west-1", "informational"],
      ["cloudfront", "informational"],
    ]);
    const ec2 = model.services[0];
    expect(ec2?.region).toBe("me-central-1");
    expect(ec2?.since).toBe("2026-03-01T12:51:25.000Z");
    expect(ec2?.summary).not.toBeNull();
    expect(model.serviceCount).toBe(42);
    expect(model.problemCount).toBe(7);
  });

  it("keeps your open issues (not security, not closed) newest first, and scheduled changes soonest first", () => {
    const model = buildNocModel(loadStatusFixture(), account(), EMPTY_LIVE_SCOPE);
    expect(codes(model.issues)).toEqual(["AWS_EC2_OPERATIONAL_ISSUE", "AWS_EBS_VOLUME_ATTACHMENT_ISSUE", "AWS_EC2_NETWORK_ISSUE"]);
    expect(codes(model.scheduled)).toEqual([
      "AWS_RDS_MAINTENANCE_SCHEDULED",
      "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
      "AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED",
      "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT",
    ]);
  });

  it("hides muted event types and events of other accounts or categories", () => {
    const muted = buildNocModel(loadStatusFixture(), account(), { ...EMPTY_LIVE_SCOPE, mutedTypes: ["AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", "AWS_RISK_CREDENTIALS_EXPOSED"] });
    expect(codes(muted.scheduled)).not.toContain("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED");
    expect(codes(muted.security)).toEqual(["AWS_ABUSE_DOS_REPORT"]);

    const scoped = buildNocModel(loadStatusFixture(), account(), { ...EMPTY_LIVE_SCOPE, accounts: ["444455556666"], categories: ["issue", "scheduledChange"] });
    const all = [...scoped.security, ...scoped.issues, ...scoped.scheduled].map((row) => row.event);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((event) => event.accountId === "444455556666" && ["issue", "scheduledChange"].includes(event.category))).toBe(true);
  });

  it("summarises unknown services instead of listing thousands when the public feed is not fresh", () => {
    const fixture = loadStatusFixture();
    const stale: StatusResponse = {
      ...fixture,
      sources: fixture.sources.map((source) => (source.id === "public-currentevents" ? { ...source, state: "error", error: "HTTP 503" } : source)),
      services: fixture.services.map((service) => (service.status === "operational" ? { ...service, status: "unknown" } : service)),
    };
    const model = buildNocModel(stale, null, EMPTY_LIVE_SCOPE);
    expect(model.services.map((row) => row.status)).not.toContain("unknown");
    expect(model.unknownServices).toBe(36);
    expect(model.services).toHaveLength(6);
  });

  it("shows the account regions only when account health is set up or events arrived", () => {
    const none = buildNocModel(loadStatusFixture(), null, EMPTY_LIVE_SCOPE);
    expect(none.hasAccountHealth).toBe(false);
    const off = buildNocModel(loadStatusFixture(), { sources: [{ ...ACCOUNT_SOURCE, state: "disabled" }], events: [] }, EMPTY_LIVE_SCOPE);
    expect(off.hasAccountHealth).toBe(false);
    expect(buildNocModel(loadStatusFixture(), { sources: [ACCOUNT_SOURCE], events: [] }, EMPTY_LIVE_SCOPE).hasAccountHealth).toBe(true);
    expect(buildNocModel(loadStatusFixture(), { sources: [{ ...ACCOUNT_SOURCE, state: "disabled" }], events: loadAccountEventsFixture() }, EMPTY_LIVE_SCOPE).hasAccountHealth).toBe(true);
  });

  it("caps every region, so the page stays bounded whatever arrives", () => {
    const fixture = loadStatusFixture();
    const template = fixture.services[0];
    if (template === undefined) throw new Error("fixture has no services");
    const many = Array.from({ length: 500 }, (_, index) => ({ ...template, key: `svc${index}-eu-west-1`, name: `Service ${index}`, status: "degraded" as const }));
    const model = buildNocModel({ ...fixture, services: many }, null, EMPTY_LIVE_SCOPE);
    expect(model.services).toHaveLength(MAX_ROWS_PER_REGION);
    expect(model.problemCount).toBe(500);
  });

  it("draws the same picture from the trimmed first paint as from the full data", () => {
    const full = buildNocModel(loadStatusFixture(), account(), EMPTY_LIVE_SCOPE);
    const initial = trimForWall(loadStatusFixture(), account());
    const trimmed = buildNocModel(initial.status, initial.account, EMPTY_LIVE_SCOPE, initial.serviceCount);
    expect(initial.status.services.length).toBeLessThan(loadStatusFixture().services.length);
    expect(trimmed.rowKeys).toEqual(full.rowKeys);
    expect(trimmed.services).toEqual(full.services);
    expect(trimmed.serviceCount).toBe(full.serviceCount);
  });

  it("streams only services with a problem unless the screen chose its own statuses", () => {
    expect(toWallStreamScope({ ...EMPTY_LIVE_SCOPE, regions: ["eu-west-1"] })).toEqual({
      ...EMPTY_LIVE_SCOPE,
      regions: ["eu-west-1"],
      statuses: ["informational", "degraded", "disrupted", "unknown"],
    });
    expect(toWallStreamScope({ ...EMPTY_LIVE_SCOPE, statuses: ["disrupted"] }).statuses).toEqual(["disrupted"]);
  });
});
