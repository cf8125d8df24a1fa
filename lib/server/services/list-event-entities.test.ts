import { describe, expect, it } from "vitest";
import { parseEntitiesQuery } from "@/lib/shared/account-query";
import { listEventEntities, streamEntitiesCsv, toCsvCell } from "@/lib/server/services/list-event-entities";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";

const ARN = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/X";

async function seed(count: number) {
  const store = openHealthdeckStore(":memory:");
  const { id } = await store.write((tx) => tx.accountEvents.upsertEvent(
    {
      arn: ARN, accountId: "123456789012", service: "EC2", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", category: "issue",
      region: "us-east-1", availabilityZone: null, status: "open", scope: "ACCOUNT_SPECIFIC", startTime: 0, endTime: null,
      lastUpdatedTime: 0, description: "d", metadata: null, actionability: null, personas: null, origin: "api",
    },
    0,
  ));
  await store.write((tx) => tx.accountEvents.upsertEntities(
    id,
    Array.from({ length: count }, (_, index) => ({
      eventArn: ARN, accountId: "123456789012", entityArn: null, entityValue: index === 0 ? '=HYPERLINK("x")' : `i-${index}`,
      entityUrl: null, status: index % 2 ? "IMPAIRED" : "RESOLVED", lastUpdatedTime: index, metadata: {},
    })),
  ));
  return { store, id };
}

const query = (params: string) => {
  const parsed = parseEntitiesQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe("entities listing and CSV", () => {
  it("pages with a next offset and rejects bad parameters", async () => {
    const { store, id } = await seed(25);
    const first = await listEventEntities(store.accountEvents, id, query("limit=10&status=impaired"));
    expect(first?.total).toBe(12);
    expect(first?.nextOffset).toBe(10);
    expect((await listEventEntities(store.accountEvents, id, query("limit=10&offset=10&status=IMPAIRED")))?.nextOffset).toBeNull();
    expect(await listEventEntities(store.accountEvents, "nope-nope-nope", query(""))).toBeNull();
    expect(parseEntitiesQuery(new URLSearchParams("limit=0")).ok).toBe(false);
    expect(parseEntitiesQuery(new URLSearchParams("sort=evil")).ok).toBe(false);
  });

  it("streams every matching row as CSV with formulas defused", async () => {
    const { store, id } = await seed(4500);
    const text = await new Response(streamEntitiesCsv(store.accountEvents, id, query("format=csv"))).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("entityValue,entityArn,accountId,status,lastUpdatedTime,entityUrl");
    expect(lines).toHaveLength(4501);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(toCsvCell('a "quoted", value')).toBe('"a ""quoted"", value"');
  });
});
