import { describe, expect, it } from "vitest";
import { openHealthdeckStore } from "@/lib/server/store/healthdeck-store";

describe("account sync state repo", () => {
  it("keeps cursors per target and stamps per event, replacing them on save", () => {
    const store = openHealthdeckStore(":memory:");
    const sync = store.accountSync;
    expect(sync.getTarget("account:111111111111")).toEqual({ cursorMs: null, lastSweepAt: null });
    sync.saveTarget("account:111111111111", { cursorMs: 1000, lastSweepAt: 900 });
    sync.saveTarget("account:111111111111", { cursorMs: 2000, lastSweepAt: 900 });
    expect(sync.getTarget("account:111111111111")).toEqual({ cursorMs: 2000, lastSweepAt: 900 });
    expect(sync.getTarget("org:111111111111")).toEqual({ cursorMs: null, lastSweepAt: null });

    expect(sync.getEventStamp("account:111111111111", "arn:e")).toBeNull();
    sync.saveEventStamp("account:111111111111", "arn:e", { lastUpdatedTime: null, status: "open", isComplete: false }, 5);
    expect(sync.getEventStamp("account:111111111111", "arn:e")).toEqual({ lastUpdatedTime: null, status: "open", isComplete: false });
    sync.saveEventStamp("account:111111111111", "arn:e", { lastUpdatedTime: 42, status: "closed", isComplete: true }, 6);
    expect(sync.getEventStamp("account:111111111111", "arn:e")).toEqual({ lastUpdatedTime: 42, status: "closed", isComplete: true });
    expect(sync.getEventStamp("org:111111111111", "arn:e")).toBeNull();
    store.close();
  });

  it("stores the org-view status per account and one source condition, cleared with null", () => {
    const store = openHealthdeckStore(":memory:");
    const sync = store.accountSync;
    expect(sync.getOrgStatus("111111111111")).toBeNull();
    sync.saveOrgStatus("111111111111", "PENDING", 10);
    sync.saveOrgStatus("111111111111", "ENABLED", 20);
    expect(sync.getOrgStatus("111111111111")).toEqual({ status: "ENABLED", checkedAt: 20 });

    expect(sync.getCondition()).toBeNull();
    const condition = { state: "unavailable" as const, reason: "no plan", since: 1, retryAt: 2 };
    sync.setCondition(condition);
    expect(sync.getCondition()).toEqual(condition);
    store.setMeta("account-health.condition", JSON.stringify({ state: "weird" }));
    expect(sync.getCondition()).toBeNull();
    sync.setCondition(null);
    expect(store.getMeta("account-health.condition")).toBeNull();
    store.close();
  });
});
