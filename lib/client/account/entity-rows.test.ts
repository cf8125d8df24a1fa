import { describe, expect, it } from "vitest";
import type { AffectedEntity } from "@/lib/shared/account-health-contract";
import { joinEntityRowColumns, readEntityAt, toEntityRowColumns } from "@/lib/client/account/entity-rows";
import { makeLambdaEntities } from "@/tests/fixtures/ui/load-account-fixture";

const rowsOf = (columns: ReturnType<typeof toEntityRowColumns>) => Array.from({ length: columns.count }, (_, i) => readEntityAt(columns, i));

describe("entity row columns", () => {
  const entities = makeLambdaEntities(30).map((entity, i): AffectedEntity => ({ ...entity, accountId: i === 4 ? null : entity.accountId, lastUpdatedTime: i === 6 ? null : entity.lastUpdatedTime, metadata: i === 8 ? { team: "orders" } : {} }));

  it("round-trips rows, sharing repeated accounts, statuses and times in dictionaries", () => {
    const columns = toEntityRowColumns(entities);
    expect(rowsOf(columns)).toEqual(entities);
    expect(columns.accounts).toHaveLength(3);
    expect(columns.accountIndex[4]).toBe(-1);
    expect(columns.timeIndex[6]).toBe(-1);
    expect(columns.metadata).toEqual({ "8": { team: "orders" } });
    expect(readEntityAt(columns, 30)).toBeUndefined();
    expect(readEntityAt(columns, -1)).toBeUndefined();
  });

  it("joins pages with different dictionaries into one, rows in page order", () => {
    const joined = joinEntityRowColumns([toEntityRowColumns(entities.slice(20)), toEntityRowColumns(entities.slice(0, 20))]);
    expect(rowsOf(joined)).toEqual([...entities.slice(20), ...entities.slice(0, 20)]);
    const single = toEntityRowColumns(entities);
    expect(joinEntityRowColumns([single])).toBe(single);
  });
});
