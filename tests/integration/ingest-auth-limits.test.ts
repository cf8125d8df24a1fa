import { afterEach, describe, expect, it } from "vitest";
import { INGEST_TOKEN, makeStreamingRequest, openIngestBench, type IngestBench } from "@/tests/fixtures/account-health/ingest-test-kit";
import { readSample, readSampleText } from "@/tests/fixtures/account-health/eventbridge-samples";
import { countSqliteRows } from "@/tests/support/count-sqlite-rows";

let bench: IngestBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

const storedEventCount = (b: IngestBench) => countSqliteRows(b.dataDir, "account_events");

describe("POST /api/v1/ingest/eventbridge: access", () => {
  it("stays closed with 503 while no token is configured", async () => {
    bench = openIngestBench({});
    const response = await bench.post(readSample("publicIssue"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "ingest disabled: set HEALTHDECK_INGEST_TOKEN" });
    expect(storedEventCount(bench)).toBe(0);
  });

  it("answers 401 without the token or with a wrong one, and stores nothing", async () => {
    bench = openIngestBench();
    const missing = await bench.post(readSample("publicIssue"), {});
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="healthdeck-ingest"');
    expect(await missing.json()).toEqual({ error: "missing ingest token: send Authorization: Bearer <token> or X-Healthdeck-Token: <token>" });
    const wrongHeaders: Record<string, string>[] = [
      { Authorization: "Bearer not-the-token" },
      { "X-Healthdeck-Token": `${INGEST_TOKEN}0` },
      { Authorization: `Basic ${INGEST_TOKEN}` },
    ];
    for (const headers of wrongHeaders) {
      const response = await bench.post(readSample("publicIssue"), headers);
      expect(response.status).toBe(401);
    }
    expect(storedEventCount(bench)).toBe(0);
  });

  it("accepts the token as a Bearer credential and as the X-Healthdeck-Token header of an API destination", async () => {
    bench = openIngestBench();
    const bearer = await bench.post(readSample("publicIssue"), { Authorization: `Bearer ${INGEST_TOKEN}` });
    expect(bearer.status).toBe(200);
    const apiKey = await bench.post(readSample("instanceRetirement"), { "X-Healthdeck-Token": INGEST_TOKEN });
    expect(apiKey.status).toBe(200);
    expect(storedEventCount(bench)).toBe(2);
  });
});

describe("POST /api/v1/ingest/eventbridge: limits and validation", () => {
  it("answers 413 for a declared Content-Length over the limit and for an undeclared body that grows past it", async () => {
    bench = openIngestBench({ HEALTHDECK_INGEST_TOKEN: INGEST_TOKEN, HEALTHDECK_INGEST_MAX_BYTES: "4096" });
    const auth = { Authorization: `Bearer ${INGEST_TOKEN}`, "Content-Type": "application/json" };
    const declared = await bench.send(
      new Request("http://127.0.0.1/api/v1/ingest/eventbridge", { method: "POST", headers: { ...auth, "Content-Length": "5000" }, body: "x".repeat(5000) }),
    );
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: "request body exceeds 4096 bytes" });

    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
      },
    });
    const streamed = await bench.send(makeStreamingRequest(endless, auth));
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(16 * 1024);

    const fits = await bench.post([readSample("publicIssue")]);
    expect(fits.status).toBe(200);
  });

  it("answers 415 unless the body is declared as JSON", async () => {
    bench = openIngestBench();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", ""]) {
      const response = await bench.send(
        new Request("http://127.0.0.1/api/v1/ingest/eventbridge", {
          method: "POST",
          headers: { Authorization: `Bearer ${INGEST_TOKEN}`, "Content-Type": type },
          body: readSampleText("publicIssue"),
        }),
      );
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({ error: "Content-Type must be application/json" });
    }
    expect(storedEventCount(bench)).toBe(0);
  });

  it("answers 400 with a message for invalid JSON and for schema errors, storing nothing of the request", async () => {
    bench = openIngestBench();
    const notJson = await bench.post('{"version": "0",');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toMatch(/^request body is not valid JSON: /);

    const broken = readSample("instanceRetirement");
    broken.detail = { ...broken.detail, totalPages: "ten" };
    const allBroken = await bench.post([{ source: "aws.health" }, broken]);
    expect(allBroken.status).toBe(400);
    expect(((await allBroken.json()) as { error: string }).error).toMatch(
      /^invalid events, nothing stored: events\[0\]\.id: missing.*; events\[1\]\.detail\.totalPages: must be a whole number from 1 to 100000, got "ten"$/,
    );
    const empty = await bench.post([]);
    expect(await empty.json()).toEqual({ error: "the array holds no events" });
    expect(storedEventCount(bench)).toBe(0);
  });

  it("takes one event object or an array of them, at most 100", async () => {
    bench = openIngestBench();
    const one = await bench.post(readSample("credentialsExposed2016"));
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ accepted: 1, duplicates: 0, results: [{ index: 0, outcome: "stored", eventArn: "arn:aws:health:us-east-1::event/AWS_RISK_CREDENTIALS_EXPOSED_XXXXXXXXXXXXXXXXX" }] });

    const list = await bench.post([readSample("publicIssue"), readSample("instanceRetirement"), readSample("lambdaPage1of10")]);
    expect(list.status).toBe(200);
    const body = (await list.json()) as { accepted: number; results: { index: number; outcome: string }[] };
    expect(body.accepted).toBe(3);
    expect(body.results.map((result) => [result.index, result.outcome])).toEqual([[0, "stored"], [1, "stored"], [2, "stored"]]);

    const tooMany = await bench.post(Array.from({ length: 101 }, () => readSample("publicIssue")));
    expect(tooMany.status).toBe(400);
    expect(storedEventCount(bench)).toBe(4);
  });
});
