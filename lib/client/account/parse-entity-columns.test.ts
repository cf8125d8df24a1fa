import { describe, expect, it } from "vitest";
import { entitiesResponseSchema } from "@/lib/shared/account-health-contract";
import type { EntityColumnsResponse } from "@/lib/shared/entity-columns-contract";
import { createEntityColumnsEncoder } from "@/lib/server/store/common/entity-columns-encoder";
import { readEntityAt } from "@/lib/client/account/entity-rows";
import { parseEntityColumns, type EntityColumnsPage } from "@/lib/client/account/parse-entity-columns";
import { makeLambdaEntities } from "@/tests/fixtures/ui/load-account-fixture";

const entities = makeLambdaEntities(40).map((entity, i) => ({ ...entity, accountId: i === 3 ? null : entity.accountId, lastUpdatedTime: i === 5 ? null : entity.lastUpdatedTime, metadata: i === 7 ? { team: "orders" } : {} }));

/** The page the server sends for these rows (its own encoder), through JSON as on the wire. */
function serve(rows = entities): EntityColumnsResponse {
  const encoder = createEntityColumnsEncoder();
  encoder.add(rows.map((entity) => [entity.entityArn, entity.entityValue, entity.entityUrl, entity.accountId, entity.status, entity.lastUpdatedTime === null ? null : Date.parse(entity.lastUpdatedTime), JSON.stringify(entity.metadata), entity.entityValue]));
  const page: EntityColumnsResponse = { eventId: "abcdEFGH1234", total: 40, offset: 0, limit: 50_000, nextOffset: null, format: "lean", columns: encoder.finish() };
  return JSON.parse(JSON.stringify(page)) as EntityColumnsResponse; // what was just serialised
}

const rowsOf = (page: EntityColumnsPage | null) => (page === null ? null : Array.from({ length: page.rows.count }, (_, i) => readEntityAt(page.rows, i)));

describe("parseEntityColumns", () => {
  it("turns a lean page back into exactly the rows of the default format", () => {
    const parsed = parseEntityColumns(serve());
    expect(rowsOf(parsed)).toEqual(entities);
    expect(entitiesResponseSchema.safeParse({ ...parsed, entities: rowsOf(parsed) }).success).toBe(true);
    expect(parsed).toMatchObject({ eventId: "abcdEFGH1234", total: 40, nextOffset: null });
    // Front coding: the wire carries only what differs from the row before.
    const wire = serve().columns;
    expect(wire.prefix.some((shared) => shared > 0)).toBe(true);
    expect(wire.value.join("").length).toBeLessThan(entities.map((entity) => entity.entityValue).join("").length);
  });

  it("rejects bad envelopes, ragged columns and indexes outside the dictionaries", () => {
    const good = serve();
    const broken: unknown[] = [
      { ...good, format: "json" },
      { ...good, columns: { ...good.columns, status: good.columns.status.slice(1) } },
      { ...good, columns: { ...good.columns, status: [99, ...good.columns.status.slice(1)] } },
      { ...good, columns: { ...good.columns, status: [-1, ...good.columns.status.slice(1)] } },
      { ...good, columns: { ...good.columns, account: [1.5, ...good.columns.account.slice(1)] } },
      { ...good, columns: { ...good.columns, value: [7, ...good.columns.value.slice(1)] } },
      { ...good, columns: { ...good.columns, prefix: [5, ...good.columns.prefix.slice(1)] } },
      { ...good, columns: { ...good.columns, prefix: good.columns.prefix.map((shared) => shared + 1000) } },
      { ...good, columns: { ...good.columns, arn: [42, ...(good.columns.arn ?? []).slice(1)] } },
      { ...good, columns: { ...good.columns, metadata: { "0": { a: 1 } } } },
      { error: "no such event" },
    ];
    for (const body of broken) expect(parseEntityColumns(body), JSON.stringify(body).slice(0, 120)).toBeNull();
  });

  it("decodes 50,000 rows quickly", () => {
    const many = makeLambdaEntities(50_000);
    const body = serve(many);
    const started = performance.now();
    const parsed = parseEntityColumns(body);
    // Typically ~20 ms; generous for a loaded 2-core CI machine.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed?.rows.count).toBe(50_000);
    expect(parsed === null ? null : readEntityAt(parsed.rows, 49_999)).toEqual(many[49_999]);
  });
});
