import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openIngestBench, type IngestBench } from "@/tests/fixtures/account-health/ingest-test-kit";
import { readSample } from "@/tests/fixtures/account-health/eventbridge-samples";
import { countSqliteRows } from "@/tests/support/count-sqlite-rows";

let bench: IngestBench | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await bench?.close();
  bench = null;
});

/** The shape of AWS's test template for AWS_RISK_CREDENTIALS_EXPOSED: a 10-digit account, a key id as affectedAccount. */
function credentialsExposedTestTemplate(): Record<string, unknown> {
  return {
    version: "0",
    id: "5b53b920-3e7c-6003-589a",
    "detail-type": "AWS Health Event",
    source: "aws.health",
    account: "1234567890",
    time: "2025-02-12T00:38:36Z",
    region: "us-east-1",
    resources: ["AKIAXXXXXXXXXX"],
    detail: {
      eventArn: "arn:aws:health:us-east-1::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/AWS_RISK_CREDENTIALS_EXPOSED-DVNePcpQ2o",
      service: "RISK",
      eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED",
      eventTypeCategory: "issue",
      eventScopeCode: "ACCOUNT_SPECIFIC",
      communicationId: "acf0ec863d311e61f725cc6ba09b94d9798e78869a17",
      startTime: "Wed, 12 Feb 2025 00:37:54 GMT",
      statusCode: "open",
      eventRegion: "us-east-1",
      eventDescription: [{ language: "en_US", latestDescription: "Your AWS Account may be compromised!" }],
      affectedEntities: [{ entityValue: "AKIAXXXXXXXXXX", lastUpdatedTime: "Wed, 12 Feb 2025 00:37:55 GMT" }],
      affectedAccount: "AKIAXXXXXXXXXX",
      page: "1",
      totalPages: "1",
    },
  };
}

interface IngestAnswer {
  accepted: number;
  results: { index: number; outcome: string; accountId: string }[];
  rejected: { index: number; error: string }[];
  warnings: { index: number; warning: string }[];
}

describe("ingest: nothing lost", () => {
  it("stores AWS's credentials-exposed test template, keeps what is valid and reports the oddities", async () => {
    bench = openIngestBench();
    const response = await bench.post(credentialsExposedTestTemplate());
    expect(response.status).toBe(200);
    const body = (await response.json()) as IngestAnswer;
    expect(body.accepted).toBe(1);
    expect(body.results[0]).toMatchObject({ index: 0, outcome: "stored", accountId: "001234567890" });
    expect(body.rejected).toEqual([]);
    expect(body.warnings.map((item) => item.warning)).toEqual([
      expect.stringMatching(/^detail\.affectedAccount is not a 12-digit account id; ignored/),
      expect.stringMatching(/^account has 10 digits/),
    ]);
    expect(JSON.stringify(body.warnings)).not.toContain("AKIA");
    expect(countSqliteRows(bench.dataDir, "account_events")).toBe(1);
  });

  it("stores the valid events of an array and reports each invalid one by its index", async () => {
    bench = openIngestBench();
    const broken = readSample("instanceRetirement");
    broken.detail = { ...broken.detail, totalPages: "ten" };
    const response = await bench.post([readSample("publicIssue"), broken, readSample("lambdaPage1of10")]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as IngestAnswer;
    expect(body.results.map((result) => [result.index, result.outcome])).toEqual([[0, "stored"], [2, "stored"]]);
    expect(body.rejected).toEqual([{ index: 1, error: 'events[1].detail.totalPages: must be a whole number from 1 to 100000, got "ten"' }]);
    expect(countSqliteRows(bench.dataDir, "account_events")).toBe(2);
  });

  it("commits an ingest with synchronous=FULL before it answers, and other writes keep NORMAL", async () => {
    bench = openIngestBench();
    const levelsAtCommit: number[] = [];
    const exec = Database.prototype.exec;
    vi.spyOn(Database.prototype, "exec").mockImplementation(function (this: Database.Database, sql: string) {
      if (sql === "COMMIT") levelsAtCommit.push(this.pragma("synchronous", { simple: true }) as number);
      return exec.call(this, sql);
    });
    const response = await bench.post(readSample("publicIssue"));
    expect(response.status).toBe(200);
    expect(levelsAtCommit).toEqual([2]);
    await bench.store.write(async (tx) => tx.meta.set("probe", "1"));
    expect(levelsAtCommit).toEqual([2, 1]);
  });
});
