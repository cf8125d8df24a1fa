import { afterEach, describe, expect, it } from "vitest";
import type { HealthOperation } from "@/lib/server/sources/account-health/call-health";
import { createHealthClient } from "@/lib/server/sources/account-health/create-health-client";
import { serveHealthJson, TEST_CREDENTIALS, type HealthJsonTestServer, type RecordedHealthCall } from "@/tests/support/health-json-test-server";
import { createSyncTally } from "@/lib/server/sources/account-health/sync-context";
import { syncTargetView } from "@/lib/server/sources/account-health/sync-target-view";
import { deriveAccountEventId } from "@/lib/server/domain/derive-record-ids";
import { createAccountHealthSink } from "@/lib/server/poller/create-account-health-sink";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";

const ACCOUNT = "123456789012";
const A = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/A";
const B = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED/B";
const LISTED = [A, B].map((arn, index) => ({
  arn,
  service: "EC2",
  eventTypeCode: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
  eventTypeCategory: "scheduledChange",
  region: "us-east-1",
  startTime: 1_790_000_000,
  lastUpdatedTime: 1_780_000_000.5 + index,
  statusCode: "upcoming",
  eventScopeCode: "ACCOUNT_SPECIFIC",
}));
const WINDOWS = { lookbackMs: 90 * 86_400_000, sweepMs: 3_600_000 };

let server: HealthJsonTestServer | null = null;
let store: HealthdeckStore | null = null;
afterEach(async () => {
  await server?.close();
  await store?.close();
  server = null;
  store = null;
});

describe("syncTargetView (account view) against a scripted endpoint", () => {
  it("records a failedSet item without failing, and retries it on the next sweep only", async () => {
    let detailsFail = true;
    server = await serveHealthJson((call: RecordedHealthCall) => {
      if (call.operation === "DescribeEvents") return { body: { events: LISTED } };
      if (call.operation === "DescribeEventDetails") {
        const arns = call.input.eventArns as string[];
        const successfulSet = arns.filter((arn) => arn === A || !detailsFail).map((arn) => ({ event: LISTED.find((event) => event.arn === arn), eventDescription: { latestDescription: `about ${arn.slice(-1)}` } }));
        const failedSet = detailsFail ? arns.filter((arn) => arn === B).map((eventArn) => ({ eventArn, errorName: "UnknownEventArn", errorMessage: "not found" })) : [];
        return { body: { successfulSet, failedSet } };
      }
      const eventArns = (call.input.filter as { eventArns: string[] }).eventArns;
      return { body: { entities: eventArns.map((eventArn) => ({ ...(eventArns.length > 1 ? { eventArn } : {}), entityValue: `i-${eventArn.slice(-1)}`, awsAccountId: ACCOUNT, statusCode: "PENDING", lastUpdatedTime: 1_780_000_100 })) } };
    });
    const openStore = openHealthdeckStore(":memory:");
    store = openStore;
    const sink = createAccountHealthSink(openStore);
    let now = Date.parse("2026-06-01T00:00:00Z");
    const client = createHealthClient({ region: "us-east-1", endpoint: server.url, via: "override" }, { credentials: TEST_CREDENTIALS, maxAttempts: 1, retryMode: "standard", requestTimeoutMs: 2000, userAgent: "test" });
    const context = () => ({
      client,
      signal: new AbortController().signal,
      assertRegion: async () => {},
      calls: new Map<HealthOperation, number>(),
      sink,
      accountId: ACCOUNT,
      targetKey: `account:${ACCOUNT}`,
      now: () => now,
      overlapMs: 300_000,
      tally: createSyncTally(),
    });

    const initial = context();
    expect(await syncTargetView(initial, "account", WINDOWS)).toEqual({ isInitial: true, isSweep: true });
    expect(initial.tally).toMatchObject({ changedEvents: 2, failedItems: 1, firstFailure: `UnknownEventArn for ${B}: not found` });
    expect(server.calls.map((call) => call.operation)).toEqual(["DescribeEvents", "DescribeEventDetails", "DescribeAffectedEntities"]);
    expect(server.calls[0]?.input).toEqual({ maxResults: 100 });
    const idB = deriveAccountEventId(B, ACCOUNT);
    expect(await openStore.accountEvents.getById(idB)).toMatchObject({ description: "", status: "upcoming", entityCounts: { total: 1 } });
    expect((await openStore.accountEvents.getById(deriveAccountEventId(A, ACCOUNT)))?.description).toBe("about A");

    server.calls.length = 0;
    now += 60_000;
    const quiet = context();
    await syncTargetView(quiet, "account", WINDOWS);
    expect(server.calls.map((call) => call.operation)).toEqual(["DescribeEvents"]);
    expect(server.calls[0]?.input).toEqual({ maxResults: 100, filter: { lastUpdatedTimes: [{ from: (now - 60_000 - 300_000) / 1000 }] } });

    server.calls.length = 0;
    detailsFail = false;
    now += WINDOWS.sweepMs;
    const sweep = context();
    expect(await syncTargetView(sweep, "account", WINDOWS)).toEqual({ isInitial: false, isSweep: true });
    expect(server.calls.map((call) => call.operation)).toEqual(["DescribeEvents", "DescribeEvents", "DescribeEventDetails", "DescribeAffectedEntities"]);
    expect(server.calls[1]?.input).toEqual({ maxResults: 100, filter: { eventStatusCodes: ["open", "upcoming"] } });
    expect(server.calls[2]?.input).toEqual({ eventArns: [B] });
    // B was synced before, so only its entities updated after that version are asked for.
    expect(server.calls[3]?.input).toEqual({ maxResults: 100, filter: { eventArns: [B], lastUpdatedTimes: [{ from: 1_780_000_001.501 }] } });
    expect((await openStore.accountEvents.getById(idB))?.description).toBe("about B");
    expect(sweep.tally.failedItems).toBe(0);
  });
});
