import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";
import { createLogger } from "@/lib/server/logging/create-logger";
import { handleIngestRequest } from "@/lib/server/ingest/handle-ingest-request";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { readSample } from "@/tests/fixtures/account-health/eventbridge-samples";
import { INGEST_TOKEN, INGEST_URL } from "@/tests/fixtures/account-health/ingest-test-kit";

describe("the ingest log line", () => {
  it("says which accounts pushed by their last four digits only", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-ingest-logs-"));
    const store = openHealthdeckStore(dataDir);
    try {
      const lines: string[] = [];
      const event = readSample("lambdaPage1of10");
      const accountId = String(event.account);
      expect(accountId).toMatch(/^\d{12}$/);
      const response = await handleIngestRequest(
        new Request(INGEST_URL, { method: "POST", headers: { "Content-Type": "application/json", "X-Healthdeck-Token": INGEST_TOKEN }, body: JSON.stringify(event) }),
        { store, config: parseConfig({ HEALTHDECK_DATA_DIR: dataDir, HEALTHDECK_INGEST_TOKEN: INGEST_TOKEN }), logger: createLogger({ write: (line) => lines.push(line) }) },
      );
      expect(response.status).toBe(200);
      const logged = lines.find((line) => line.includes("eventbridge events ingested")) ?? "";
      expect(logged).not.toContain(accountId);
      expect(JSON.parse(logged)).toMatchObject({ accepted: 1, accounts: [`…${accountId.slice(-4)}`] });
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
