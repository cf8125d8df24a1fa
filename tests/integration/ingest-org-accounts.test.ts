import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { accountEventResponseSchema, accountEventsResponseSchema } from "@/lib/shared/account-health-contract";
import { makeLambdaPage, readSample, type SampleEvent } from "@/tests/fixtures/account-health/eventbridge-samples";
import { INGEST_TOKEN, INGEST_URL } from "@/tests/fixtures/account-health/ingest-test-kit";

// Black-box through the route handlers on the process's runtime, as under `next start`, so these
// tests do not depend on how the store keys its rows.
type IngestRoute = typeof import("@/app/api/v1/ingest/eventbridge/route");
type EventsRoute = typeof import("@/app/api/v1/account/events/route");
type EventRoute = typeof import("@/app/api/v1/account/events/[id]/route");
type RuntimeModule = typeof import("@/lib/server/runtime/get-runtime");

const dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-ingest-org-"));
let routes: { ingest: IngestRoute; events: EventsRoute; event: EventRoute };
let runtimeModule: RuntimeModule;

beforeAll(async () => {
  process.env.HEALTHDECK_DATA_DIR = dataDir;
  process.env.HEALTHDECK_INGEST_TOKEN = INGEST_TOKEN;
  process.env.HEALTHDECK_POLLER = "off";
  routes = {
    ingest: await import("@/app/api/v1/ingest/eventbridge/route"),
    events: await import("@/app/api/v1/account/events/route"),
    event: await import("@/app/api/v1/account/events/[id]/route"),
  };
  runtimeModule = await import("@/lib/server/runtime/get-runtime");
});

afterAll(async () => {
  await runtimeModule.getRuntime().close();
  const holder = globalThis as Record<symbol, unknown>;
  delete holder[Symbol.for("healthdeck.runtime")];
  delete holder[Symbol.for("healthdeck.config")];
  rmSync(dataDir, { recursive: true, force: true });
});

/** The organization's management account: its bus receives every member's copy of an event. */
const MANAGEMENT = "111111111111";
const MEMBERS = ["222222222222", "333333333333", "444444444444"] as const;

const resultSchema = z.object({
  outcome: z.enum(["stored", "duplicate", "backup-merged"]),
  id: z.string(),
  accountId: z.string(),
  receivedPages: z.number(),
  totalPages: z.number(),
  isComplete: z.boolean(),
});
const summarySchema = z.object({ accepted: z.number(), duplicates: z.number(), results: z.array(resultSchema) });

/**
 * The copy an organization-wide rule delivers for one affected account: same event ARN and communication id,
 * its own EventBridge envelope id, received on the management account's bus.
 */
function forAccount(sample: SampleEvent, accountId: string): SampleEvent {
  const copy = structuredClone(sample);
  copy.id = `${sample.id.slice(0, -12)}${accountId}`;
  copy.account = MANAGEMENT;
  copy.detail.affectedAccount = accountId;
  return copy;
}

async function ingest(body: unknown) {
  const response = await routes.ingest.POST(
    new Request(INGEST_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${INGEST_TOKEN}` },
      body: JSON.stringify(body),
    }),
  );
  const json: unknown = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(200);
  return summarySchema.parse(json);
}

async function listEvents(query: string) {
  const response = await routes.events.GET(new Request(`http://127.0.0.1:3000/api/v1/account/events?${query}`));
  expect(response.status).toBe(200);
  return accountEventsResponseSchema.parse(await response.json()).events;
}

async function readEvent(id: string) {
  const response = await routes.event.GET(new Request(`http://127.0.0.1:3000/api/v1/account/events/${id}`), { params: Promise.resolve({ id }) });
  expect(response.status, `GET /api/v1/account/events/${id}`).toBe(200);
  return accountEventResponseSchema.parse(await response.json()).event;
}

describe("POST /api/v1/ingest/eventbridge: one event, many affected accounts (organization-wide rule)", () => {
  it("stores the same public event once per affected account, and a redelivery to one account stays a duplicate", async () => {
    const sample = readSample("publicIssue");
    const [first, second] = [forAccount(sample, MEMBERS[0]), forAccount(sample, MEMBERS[1])];
    const delivered = await ingest([first, second]);
    expect(delivered.results.map((result) => [result.outcome, result.accountId])).toEqual([
      ["stored", MEMBERS[0]],
      ["stored", MEMBERS[1]],
    ]);
    expect(delivered).toMatchObject({ accepted: 2, duplicates: 0 });
    const ids = delivered.results.map((result) => result.id);
    expect(new Set(ids).size).toBe(2);

    const redelivered = await ingest(second);
    expect(redelivered).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(redelivered.results[0]).toMatchObject({ outcome: "duplicate", accountId: MEMBERS[1], id: ids[1] });

    const third = await ingest(forAccount(sample, MEMBERS[2]));
    expect(third.results[0]).toMatchObject({ outcome: "stored", accountId: MEMBERS[2] });
    expect(ids).not.toContain(third.results[0]?.id);

    const arn = String(sample.detail.eventArn);
    const stored = (await listEvents("type=AWS_EC2_OPERATIONAL_ISSUE")).filter((event) => event.arn === arn);
    expect(stored.map((event) => event.accountId).sort()).toEqual([...MEMBERS]);
    for (const [index, accountId] of MEMBERS.entries()) {
      const [own] = await listEvents(`account=${accountId}&type=AWS_EC2_OPERATIONAL_ISSUE`);
      expect(own?.accountId).toBe(accountId);
      const id = index < 2 ? ids[index] : third.results[0]?.id;
      expect(own?.id).toBe(id);
      expect((await readEvent(id ?? "")).accountId).toBe(accountId);
    }
  });

  it("files each account's affected entities under that account's event", async () => {
    const sample = readSample("instanceRetirement");
    const { results } = await ingest(MEMBERS.map((accountId) => forAccount(sample, accountId)));
    expect(results.map((result) => result.outcome)).toEqual(["stored", "stored", "stored"]);
    for (const [index, accountId] of MEMBERS.entries()) {
      const event = await readEvent(results[index]?.id ?? "");
      expect(event).toMatchObject({ accountId, arn: sample.detail.eventArn, entityCounts: { total: 1, byStatus: { PENDING: 1 } } });
    }
    const again = await ingest(forAccount(sample, MEMBERS[0]));
    expect(again.results[0]).toMatchObject({ outcome: "duplicate", accountId: MEMBERS[0], id: results[0]?.id });
  });

  it("reassembles a paged communication per account: one account's pages never complete another's", async () => {
    const pageFor = (page: number, accountId: string) => forAccount(makeLambdaPage(page, 2), accountId);
    const [a, b] = [MEMBERS[0], MEMBERS[1]];
    const aPages = await ingest([pageFor(1, a), pageFor(2, a)]);
    expect(aPages.results.at(-1)).toMatchObject({ outcome: "stored", receivedPages: 2, totalPages: 2, isComplete: true });

    const bFirst = await ingest(pageFor(1, b));
    expect(bFirst.results[0]).toMatchObject({ outcome: "stored", accountId: b, receivedPages: 1, totalPages: 2, isComplete: false });
    const bAgain = await ingest(pageFor(1, b));
    expect(bAgain.results[0]).toMatchObject({ outcome: "duplicate", receivedPages: 1, isComplete: false });
    const bSecond = await ingest(pageFor(2, b));
    expect(bSecond.results[0]).toMatchObject({ outcome: "stored", receivedPages: 2, isComplete: true });

    for (const accountId of [a, b]) {
      const [event] = await listEvents(`account=${accountId}&type=AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT`);
      expect(event?.entityCounts.total).toBe(8);
    }
  });
});
