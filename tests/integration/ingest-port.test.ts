import { afterEach, describe, expect, it } from "vitest";
import { startIngestServer, type IngestServer } from "@/lib/server/ingest/start-ingest-server";
import { INGEST_TOKEN, openIngestBench, type IngestBench } from "@/tests/fixtures/account-health/ingest-test-kit";
import { readSampleText } from "@/tests/fixtures/account-health/eventbridge-samples";
import { countSqliteRows } from "@/tests/support/count-sqlite-rows";

let bench: IngestBench | null = null;
let server: IngestServer | null = null;
afterEach(async () => {
  await server?.close();
  await bench?.close();
  server = null;
  bench = null;
});

describe("the ingest port (HEALTHDECK_INGEST_PORT)", () => {
  it("serves only POST /api/v1/ingest/eventbridge, with the ingest's own secret and body limit", async () => {
    bench = openIngestBench({ HEALTHDECK_INGEST_TOKEN: INGEST_TOKEN, HEALTHDECK_INGEST_MAX_BYTES: "4096" });
    server = await startIngestServer({ port: 0, host: "127.0.0.1", deps: { store: bench.store, config: bench.config } });
    const url = `http://127.0.0.1:${server.port}/api/v1/ingest/eventbridge`;
    const post = (body: string, headers: Record<string, string> = { Authorization: `Bearer ${INGEST_TOKEN}` }) =>
      fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });

    const stored = await post(readSampleText("publicIssue"));
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({ accepted: 1, results: [{ outcome: "stored" }] });
    expect((await post(readSampleText("publicIssue"), {})).status).toBe(401);
    expect((await post(" ".repeat(5000))).status).toBe(413);
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${server.port}/api/v1/status`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    expect(countSqliteRows(bench.dataDir, "account_events")).toBe(1);
  });
});
