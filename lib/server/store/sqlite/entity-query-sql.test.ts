import { describe, expect, it } from "vitest";
import { countEntitiesFor } from "@/lib/server/store/common/entity-columns-encoder";
import { buildEntityQuerySql } from "@/lib/server/store/sqlite/entity-query-sql";

describe("entity query SQL", () => {
  it("counts only when the page may not be the end of the list", () => {
    let counted = 0;
    const count = () => {
      counted += 1;
      return 123;
    };
    expect(countEntitiesFor(0, 1000, 40, count)).toBe(40);
    expect(countEntitiesFor(500, 1000, 40, count)).toBe(540);
    expect(counted).toBe(0);
    expect(countEntitiesFor(0, 40, 40, count)).toBe(123);
    expect(countEntitiesFor(500, 1000, 0, count)).toBe(123);
    expect(countEntitiesFor(0, 1000, 0, count)).toBe(0);
    expect(counted).toBe(2);
  });

  it("escapes LIKE wildcards in the search and binds every value", () => {
    const sql = buildEntityQuerySql("ev1", { search: "50%_off\\", statuses: ["IMPAIRED", "PENDING"], sort: "lastUpdated", descending: true });
    expect(sql.where).toBe("event_id = ? AND status IN (?,?) AND (entity_value LIKE ? ESCAPE '\\' OR entity_arn LIKE ? ESCAPE '\\' OR account_id LIKE ? ESCAPE '\\')");
    expect(sql.params).toEqual(["ev1", "IMPAIRED", "PENDING", "%50\\%\\_off\\\\%", "%50\\%\\_off\\\\%", "%50\\%\\_off\\\\%"]);
    expect(sql.order).toBe("last_updated_time DESC, entity_key");
  });
});
