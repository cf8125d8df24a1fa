import { describe, expect, it } from "vitest";
import { affectedEntitySchema, entitiesResponseSchema } from "@/lib/shared/account-health-contract";
import { isAffectedEntity, parseEntitiesPage } from "@/lib/client/account/parse-entities-page";
import { makeLambdaEntities } from "@/tests/fixtures/ui/load-account-fixture";

const good = makeLambdaEntities(3);
const page = { eventId: "abcdEFGH1234", total: 3, offset: 0, limit: 1000, nextOffset: null, entities: good };

describe("parseEntitiesPage", () => {
  it("accepts what the contract accepts and returns it unchanged", () => {
    expect(entitiesResponseSchema.safeParse(page).success).toBe(true);
    expect(parseEntitiesPage(page)).toEqual(page);
  });

  it("agrees with the zod schema, row by row, on malformed rows", () => {
    const base = good[0];
    const variants: unknown[] = [
      null,
      "row",
      { ...base, entityValue: 42 },
      { ...base, status: undefined },
      { ...base, entityArn: undefined },
      { ...base, entityUrl: 7 },
      { ...base, accountId: false },
      { ...base, lastUpdatedTime: 1764244800 },
      { ...base, metadata: null },
      { ...base, metadata: { key: 1 } },
      { ...base, metadata: [] },
      { ...base, entityArn: null, entityUrl: null, accountId: null, lastUpdatedTime: null, metadata: { a: "b" }, extra: "kept" },
    ];
    for (const variant of variants) expect(isAffectedEntity(variant), JSON.stringify(variant)).toBe(affectedEntitySchema.safeParse(variant).success);
  });

  it("rejects a page with one bad row or a bad envelope", () => {
    expect(parseEntitiesPage({ ...page, entities: [...good, { entityValue: "x" }] })).toBeNull();
    expect(parseEntitiesPage({ ...page, nextOffset: "10" })).toBeNull();
    expect(parseEntitiesPage({ error: "no such event" })).toBeNull();
  });

  it("checks 50,000 rows quickly", () => {
    const big = { ...page, total: 50_000, entities: makeLambdaEntities(50_000) };
    const started = performance.now();
    expect(parseEntitiesPage(big)?.entities).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
