import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accountEventSchema, type AccountEvent } from "@/lib/shared/account-health-contract";
import { EMPTY_LIVE_SCOPE } from "@/lib/shared/live-scope";
import { parseConfig } from "@/lib/server/config/load-config";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createHealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import type { AccountEventRecord } from "@/lib/server/domain/account-health-records";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { buildLiveAccount, buildScopeSnapshot } from "@/lib/server/hub/build-scope-snapshot";

const NOW = Date.parse("2026-11-27T12:00:00.000Z");
const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

function loadAccountFixture(): AccountEvent[] {
  const raw: unknown = JSON.parse(readFileSync(new URL("../../../tests/fixtures/ui/account-events.json", import.meta.url), "utf8"));
  return z.array(accountEventSchema).parse(raw);
}

function toRecord(event: AccountEvent): AccountEventRecord {
  return {
    arn: event.arn, accountId: event.accountId, service: event.service, eventTypeCode: event.eventTypeCode, category: event.category,
    region: event.region, availabilityZone: event.availabilityZone, status: event.status, scope: event.scope,
    startTime: ms(event.startTime), endTime: ms(event.endTime), lastUpdatedTime: ms(event.lastUpdatedTime), description: event.description,
    metadata: event.metadata, actionability: event.actionability, personas: event.personas, origin: "api",
  };
}

/** The UI fixture's account events in a real store, plus one event closed two hours ago. */
async function seedRuntime() {
  const store = openHealthdeckStore(":memory:");
  const config = parseConfig({ HEALTHDECK_DATA_DIR: ":memory:" });
  const runtime = createHealthdeckRuntime({ config, store, logger: silentLogger, now: () => NOW });
  const events = loadAccountFixture();
  const recent = events.find((event) => event.eventTypeCode === "AWS_EC2_NETWORK_ISSUE");
  if (!recent) throw new Error("fixture has AWS_EC2_NETWORK_ISSUE");
  await store.write(async (tx) => {
    for (const event of events) await tx.accountEvents.upsertEvent(toRecord(event), NOW);
    await tx.accountEvents.upsertEvent(
      toRecord({ ...recent, arn: `${recent.arn}-RECENT`, status: "closed", endTime: "2026-11-27T10:00:00.000Z", lastUpdatedTime: "2026-11-27T10:00:00.000Z" }),
      NOW,
    );
  });
  return { runtime, events };
}

const codes = (events: readonly AccountEvent[]) => events.map((event) => `${event.eventTypeCode}:${event.status}`);

describe("buildLiveAccount", () => {
  it("keeps open, upcoming and other live statuses and what closed in the last 24 h, newest first", async () => {
    const { runtime, events } = await seedRuntime();
    const account = await buildLiveAccount(runtime, EMPTY_LIVE_SCOPE, NOW);
    const notClosed = events.filter((event) => event.status !== "closed");
    expect(account.events).toHaveLength(notClosed.length + 1);
    expect(codes(account.events)).toContain("AWS_EC2_NETWORK_ISSUE:closed");
    expect(codes(account.events)).toContain("AWS_EC2_NETWORK_ISSUE:mitigating");
    expect(codes(account.events)).not.toContain("AWS_ECS_OPERATIONAL_ISSUE:closed");
    expect(account.events[0]?.eventTypeCode).toBe("AWS_EC2_OPERATIONAL_ISSUE");
    const times = account.events.map((event) => Date.parse(event.lastUpdatedTime ?? event.startTime ?? ""));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("narrows by the scope's accounts, regions, services and categories, and drops muted types", async () => {
    const { runtime } = await seedRuntime();
    const ec2 = await buildLiveAccount(runtime, { ...EMPTY_LIVE_SCOPE, services: ["ec2"], regions: ["us-east-1"] }, NOW);
    expect(ec2.events.length).toBeGreaterThan(0);
    expect(ec2.events.every((event) => event.service === "EC2" && event.region === "us-east-1")).toBe(true);

    const muted = await buildLiveAccount(runtime, { ...EMPTY_LIVE_SCOPE, mutedTypes: ["AWS_BILLING_NOTIFICATION", "AWS_HEALTH_PROACTIVE_ADVICE"] }, NOW);
    const all = await buildLiveAccount(runtime, EMPTY_LIVE_SCOPE, NOW);
    expect(muted.events).toHaveLength(all.events.length - 2);
    expect(codes(muted.events).some((code) => code.startsWith("AWS_BILLING_NOTIFICATION"))).toBe(false);

    const scheduled = await buildLiveAccount(runtime, { ...EMPTY_LIVE_SCOPE, categories: ["scheduledChange"] }, NOW);
    expect(scheduled.events.length).toBeGreaterThan(0);
    expect(scheduled.events.every((event) => event.category === "scheduledChange")).toBe(true);

    const account = all.events[0]?.accountId;
    if (!account) throw new Error("fixture events name accounts");
    const one = await buildLiveAccount(runtime, { ...EMPTY_LIVE_SCOPE, accounts: [account] }, NOW);
    expect(one.events.every((event) => event.accountId === account)).toBe(true);
  });

  it("is part of the scope's snapshot at the store's version", async () => {
    const { runtime } = await seedRuntime();
    const snapshot = await buildScopeSnapshot(runtime, { ...EMPTY_LIVE_SCOPE, regions: ["eu-central-1"], services: ["rds"] }, NOW);
    expect(snapshot.version).toBe(runtime.store.version);
    expect(snapshot.status.services.map((service) => service.key)).toContain("rds-eu-central-1");
    expect(snapshot.status.services.every((service) => service.region === "eu-central-1" || service.region === null)).toBe(true);
    expect(codes(snapshot.account.events)).toEqual(["AWS_RDS_MAINTENANCE_SCHEDULED:open"]);
  });
});
