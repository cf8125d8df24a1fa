import { describe, expect, it } from "vitest";
import { parseAccountEventsQuery } from "@/lib/shared/account-query";
import { MAX_QUERY_RANGE_DAYS, parseHistoryQuery } from "@/lib/shared/history-query";

describe("date ranges of the list queries", () => {
  it("serve a window of up to a year, and say why a longer one is refused", () => {
    for (const parse of [parseHistoryQuery, parseAccountEventsQuery]) {
      expect(parse(new URLSearchParams("from=2025-01-01&to=2026-01-02")).ok).toBe(true);
      expect(parse(new URLSearchParams("from=2025-01-01")).ok).toBe(true);
      const tooLong = parse(new URLSearchParams("from=2020-01-01&to=2026-01-01"));
      expect(tooLong).toEqual({ ok: false, error: `to: from and to may be at most ${MAX_QUERY_RANGE_DAYS} days apart; ask for one year at a time` });
      expect(parse(new URLSearchParams("from=2026-02-01&to=2026-01-01"))).toEqual({ ok: false, error: "from must not be after to" });
    }
  });
});
