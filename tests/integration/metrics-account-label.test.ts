import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMetricsText } from "@/lib/server/outputs/metrics/get-metrics-text";
import { accountEvent } from "@/lib/server/store/store-contract-fixtures";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
let stack: PublicStack;

beforeAll(async () => {
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, env: { HEALTHDECK_METRICS_ACCOUNT_LABEL: "on" } });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  const now = stack.runtime.now();
  await stack.runtime.store.write((tx) =>
    tx.accountEvents.upsertEvents([accountEvent({ startTime: now + 3_600_000 }), accountEvent({ arn: "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/X1", category: "issue", status: "open", accountId: "210987654321" })], now),
  );
});

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await stack?.close();
});

describe("HEALTHDECK_METRICS_ACCOUNT_LABEL=on", () => {
  it("labels the account-event families with the account id, and only those", async () => {
    const text = await getMetricsText();
    expect(text).toMatch(/^healthdeck_scheduled_changes_upcoming\{service="EC2",region="us-east-1",account="123456789012"\} 1$/m);
    expect(text).toMatch(/^healthdeck_account_events_open\{category="issue",service="EC2",region="us-east-1",account="210987654321"\} 1$/m);
    const labelled = text.split("\n").filter((line) => line.includes('account="'));
    expect(labelled.every((line) => /^healthdeck_(account_events_open|scheduled_changes_upcoming|security_events_open)\{/.test(line))).toBe(true);
  });
});
