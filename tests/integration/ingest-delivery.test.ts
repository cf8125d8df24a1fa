import { afterEach, describe, expect, it } from "vitest";
import type { IngestEventResult, IngestSummary } from "@/lib/server/ingest/ingest-eventbridge-events";
import type { AccountEventFilter } from "@/lib/server/store/contract/store-records";
import { makeBackupCopy, makeLambdaPage, readSample } from "@/tests/fixtures/account-health/eventbridge-samples";
import { openIngestBench, type IngestBench } from "@/tests/fixtures/account-health/ingest-test-kit";
import { countSqliteRows } from "@/tests/support/count-sqlite-rows";

let bench: IngestBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

const ALL: AccountEventFilter = { categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 100 };
const LAMBDA_ARN = "arn:aws:health:us-west-2::event/AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT_90353408594353980";
const ENTITY_QUERY = { offset: 0, limit: 1000, search: null, statuses: [], sort: "entity", descending: false } as const;

async function postOk(b: IngestBench, body: unknown): Promise<IngestSummary> {
  const response = await b.post(body);
  const json: unknown = await response.json();
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${JSON.stringify(json)}`);
  // Safe: the handler answers 200 only with ingestEventBridgeEvents' summary.
  return json as IngestSummary;
}

const lambdaEvent = (b: IngestBench) => b.store.accountEvents.listEvents({ ...ALL, eventTypeCodes: ["AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT"] });
const entityRows = (b: IngestBench) => countSqliteRows(b.dataDir, "account_entities");

describe("POST /api/v1/ingest/eventbridge: delivery semantics", () => {
  it("stores a communication delivered twice once, and the event then appears in the event list", async () => {
    bench = openIngestBench();
    const first = await postOk(bench, readSample("instanceRetirement"));
    const second = await postOk(bench, readSample("instanceRetirement"));
    expect(first).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(second).toMatchObject({ accepted: 0, duplicates: 1, results: [{ outcome: "duplicate", id: first.results[0]?.id }] });

    const events = await bench.store.accountEvents.listEvents(ALL);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: first.results[0]?.id,
      arn: "arn:aws:health:us-east-1::event/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_90353408594353983",
      accountId: "123456789012",
      region: "us-east-1",
      category: "scheduledChange",
      status: "open",
      origins: ["eventbridge"],
      entityCounts: { total: 1, byStatus: { PENDING: 1 } },
      startTime: "2026-08-27T13:19:03.000Z",
      lastUpdatedTime: "2026-01-27T13:44:13.000Z",
    });
    expect(entityRows(bench)).toBe(1);
  });

  it("reassembles pages 1..10 sent in shuffled order, with every page's entities and the right counts", async () => {
    bench = openIngestBench();
    const order = [6, 1, 9, 3, 10, 2, 8, 4, 7, 5];
    const results: IngestEventResult[] = [];
    for (const page of order) results.push(...(await postOk(bench, makeLambdaPage(page))).results);
    expect(results.map((result) => `${result.outcome} ${result.page}/${result.totalPages} (${result.receivedPages})`)).toEqual(
      order.map((page, step) => `stored ${page}/10 (${step + 1})`),
    );
    expect(results.map((result) => result.isComplete)).toEqual([...Array(9).fill(false), true]);

    const [event] = await lambdaEvent(bench);
    expect(event).toMatchObject({ arn: LAMBDA_ARN, entityCounts: { total: 40, byStatus: { PENDING: 30, RESOLVED: 10 } } });
    const values = (await bench.store.accountEvents.listEntities(event?.id ?? "", ENTITY_QUERY)).entities.map((entity) => entity.entityValue);
    for (const page of order) expect(values).toContain(`arn:aws:lambda:us-west-2:123456789012:function:fn-${page}-0`);
    expect(values).toHaveLength(40);
  });

  it("stores a page and its backup-region copy once, counting the copy as a duplicate", async () => {
    bench = openIngestBench();
    const page = makeLambdaPage(1, 1);
    const summary = await postOk(bench, [page, makeBackupCopy(page)]);
    expect(summary).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(summary.results.map((result) => [result.outcome, result.isBackup])).toEqual([
      ["stored", false],
      ["backup-merged", true],
    ]);
    expect(await lambdaEvent(bench)).toHaveLength(1);
    expect(entityRows(bench)).toBe(4);

    const onlyBackup = readSample("publicIssue");
    onlyBackup.detail = { ...onlyBackup.detail, backupEvent: "true" };
    const fromBackup = await postOk(bench, onlyBackup);
    expect(fromBackup.results[0]).toMatchObject({ outcome: "stored", isBackup: true, isComplete: true });
    expect((await bench.store.accountEvents.getById(fromBackup.results[0]?.id ?? ""))?.description).toMatch(/^Current severity level/);
  });

  it("loses nothing and doubles nothing when the process restarts in the middle of a paged communication", async () => {
    bench = openIngestBench();
    for (const page of [3, 1, 4, 2]) await postOk(bench, makeLambdaPage(page));
    expect((await lambdaEvent(bench))[0]?.entityCounts.total).toBe(16);

    await bench.restart();
    const pending = await bench.store.ingestPages.listPendingCommunications(100);
    expect(pending).toMatchObject([{ eventArn: LAMBDA_ARN, communicationBase: "1234abc01232a4012345678", receivedPages: 4, totalPages: 10 }]);

    // EventBridge retries what it was never answered for: page 4 comes again after the restart.
    const redelivered = await postOk(bench, makeLambdaPage(4));
    expect(redelivered.results[0]).toMatchObject({ outcome: "duplicate", receivedPages: 4, isComplete: false });
    const rest = await postOk(bench, [8, 5, 10, 6, 9, 7].map((page) => makeLambdaPage(page)));
    expect(rest.accepted).toBe(6);
    expect(rest.results.at(-1)).toMatchObject({ receivedPages: 10, isComplete: true });

    const [event] = await lambdaEvent(bench);
    expect(event?.entityCounts).toEqual({ total: 40, byStatus: { PENDING: 30, RESOLVED: 10 } });
    expect(entityRows(bench)).toBe(40);
    expect(await bench.store.accountEvents.listUpdates(event?.id ?? "")).toHaveLength(1);
    expect(await bench.store.ingestPages.listPendingCommunications(100)).toEqual([]);
  });

  it("announces one store change per accepted request, so open views refresh without waiting for a poll", async () => {
    bench = openIngestBench();
    const versions: number[] = [];
    bench.store.onChange((version) => versions.push(version));
    await postOk(bench, [makeLambdaPage(1), makeLambdaPage(2)]);
    await bench.post([]);
    expect(versions).toHaveLength(1);
  });
});
