import { afterEach, describe, expect, it } from "vitest";
import { notifyConfigSchema } from "@/lib/server/outputs/config/notify-config-schema";
import { createOutboxRouter } from "@/lib/server/outputs/delivery/create-outbox-router";
import { loadBundledCatalog } from "@/lib/server/sources/catalog/create-catalog";
import { readSample, type SampleEvent } from "@/tests/fixtures/account-health/eventbridge-samples";
import { openIngestBench, type IngestBench } from "@/tests/fixtures/account-health/ingest-test-kit";

const SECRET = `whsec_${Buffer.alloc(32, 5).toString("base64")}`;
let bench: IngestBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

/** The retirement sample as a later communication: a new id, and whatever the detail says now. */
function communication(serial: number, detail: Partial<SampleEvent["detail"]>): SampleEvent {
  const sample = readSample("instanceRetirement");
  return { ...sample, id: `7bf73129-1428-4cd3-a780-95db273d16${String(serial).padStart(2, "0")}`, detail: { ...sample.detail, communicationId: `1234abc01232a4012345678-${serial}`, ...detail } };
}

describe("account events pushed by EventBridge", () => {
  it("produce deliveries like polled ones: opened, a material update, nothing for a bare lastUpdatedTime, a re-stamped resource or the poll's copy, resolved", async () => {
    bench = openIngestBench();
    const config = notifyConfigSchema.parse({ channels: [{ id: "hook", type: "webhook", url: "https://receiver.example/in", secret: SECRET }], rules: [{ channels: ["hook"] }] });
    const catalog = loadBundledCatalog();
    bench.store.setOutboxRouter(
      createOutboxRouter({ config, now: Date.now, freshMs: 10 * 365 * 86_400_000, deadlineMs: 3_600_000, getCatalog: () => catalog, publicUrl: null, accountNames: { "123456789012": "Prod" } }),
    );
    const post = async (body: unknown) => {
      const response = await bench!.post(body);
      expect(response.status).toBe(200);
    };
    const deliveries = async () => (await bench!.store.outbox.list({ after: 0, limit: 100, channel: null, status: null })).map((delivery) => delivery.kind);
    const description = (text: string) => [{ language: "en_US", latestDescription: text }];

    await post(readSample("instanceRetirement"));
    expect(await deliveries()).toEqual(["opened"]);
    const [opened] = await bench.store.outbox.list({ after: 0, limit: 1, channel: null, status: null });
    const data = (opened?.message as { body: { data: { accounts: string[]; event: { origins: string[]; category: string } } } }).body.data;
    expect(data.accounts).toEqual(["Prod (123456789012)"]);
    expect(data.event).toMatchObject({ origins: ["eventbridge"], category: "scheduledChange" });

    await post(communication(2, { lastUpdatedTime: "Thu, 28 Jan 2026 10:00:00 GMT", eventDescription: description("The instance will now be retired on 27 August.") }));
    expect(await deliveries()).toEqual(["opened", "updated"]);

    await post(communication(3, { lastUpdatedTime: "Thu, 29 Jan 2026 10:00:00 GMT", eventDescription: description("The instance will now be retired on 27 August.") }));
    expect(await deliveries()).toEqual(["opened", "updated"]);

    const [stored] = await bench.store.accountEvents.listEvents({ categories: [], statuses: [], regions: [], services: [], accounts: [], eventTypeCodes: [], from: null, to: null, search: null, limit: 10 });
    if (!stored) throw new Error("no event stored");
    await bench.store.write((tx) =>
      tx.accountEvents.upsertEvent(
        {
          arn: stored.arn,
          accountId: stored.accountId,
          service: stored.service,
          eventTypeCode: stored.eventTypeCode,
          category: stored.category,
          region: stored.region,
          availabilityZone: null,
          status: stored.status,
          scope: stored.scope,
          startTime: Date.parse(stored.startTime ?? ""),
          endTime: null,
          lastUpdatedTime: Date.parse(stored.lastUpdatedTime ?? ""),
          description: stored.description,
          metadata: stored.metadata,
          actionability: stored.actionability,
          personas: stored.personas,
          origin: "api",
        },
        Date.now(),
      ),
    );
    expect(await deliveries()).toEqual(["opened", "updated"]);

    const entity = (lastUpdatedTime: string, status: string) => [{ entityValue: "arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0", lastUpdatedTime, status }];
    await post(communication(5, { affectedEntities: entity("Fri, 30 Jan 2026 10:00:00 GMT", "PENDING") }));
    expect(await deliveries()).toEqual(["opened", "updated"]);
    const restamped = await bench.store.journal.read(0, 100, { regions: [], services: [], accounts: [], categories: [] });
    expect(restamped.at(-1)).toMatchObject({ kind: "account.event.entities", summary: { countsChanged: false } });
    await post(communication(6, { affectedEntities: entity("Sat, 31 Jan 2026 10:00:00 GMT", "RESOLVED") }));
    expect(await deliveries()).toEqual(["opened", "updated", "updated"]);

    await post(communication(4, { lastUpdatedTime: "Thu, 27 Aug 2026 14:00:00 GMT", statusCode: "closed", eventDescription: description("The instance was retired.") }));
    expect(await deliveries()).toEqual(["opened", "updated", "updated", "resolved"]);
  });
});
