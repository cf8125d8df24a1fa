import { describe, expect, it } from "vitest";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";

describe("account sync state repo", () => {
  it("keeps cursors per target and stamps per event, replacing them on save", async () => {
    const store = openHealthdeckStore(":memory:");
    const sync = store.accountSync;
    expect(await sync.getTarget("account:111111111111")).toEqual({ cursorMs: null, lastSweepAt: null });
    await store.write((tx) => tx.accountSync.saveTarget("account:111111111111", { cursorMs: 1000, lastSweepAt: 900 }));
    await store.write((tx) => tx.accountSync.saveTarget("account:111111111111", { cursorMs: 2000, lastSweepAt: 900 }));
    expect(await sync.getTarget("account:111111111111")).toEqual({ cursorMs: 2000, lastSweepAt: 900 });
    expect(await sync.getTarget("org:111111111111")).toEqual({ cursorMs: null, lastSweepAt: null });

    expect(await sync.getEventStamp("account:111111111111", "arn:e")).toBeNull();
    await store.write((tx) => tx.accountSync.saveEventStamp("account:111111111111", "arn:e", { lastUpdatedTime: null, status: "open", isComplete: false }, 5));
    expect(await sync.getEventStamp("account:111111111111", "arn:e")).toEqual({ lastUpdatedTime: null, status: "open", isComplete: false });
    await store.write((tx) => tx.accountSync.saveEventStamp("account:111111111111", "arn:e", { lastUpdatedTime: 42, status: "closed", isComplete: true }, 6));
    expect(await sync.getEventStamp("account:111111111111", "arn:e")).toEqual({ lastUpdatedTime: 42, status: "closed", isComplete: true });
    expect(await sync.getEventStamp("org:111111111111", "arn:e")).toBeNull();
    await store.close();
  });

  it("stores the org-view status per account and one source condition, cleared with null", async () => {
    const store = openHealthdeckStore(":memory:");
    const sync = store.accountSync;
    expect(await sync.getOrgStatus("111111111111")).toBeNull();
    await store.write((tx) => tx.accountSync.saveOrgStatus("111111111111", "PENDING", 10));
    await store.write((tx) => tx.accountSync.saveOrgStatus("111111111111", "ENABLED", 20));
    expect(await sync.getOrgStatus("111111111111")).toEqual({ status: "ENABLED", checkedAt: 20 });

    expect(await sync.getCondition()).toBeNull();
    const condition = { state: "unavailable" as const, reason: "no plan", since: 1, retryAt: 2 };
    await store.write((tx) => tx.accountSync.setCondition(condition));
    expect(await sync.getCondition()).toEqual(condition);
    await store.write((tx) => tx.meta.set("account-health.condition", JSON.stringify({ state: "weird" })));
    expect(await sync.getCondition()).toBeNull();
    await store.write((tx) => tx.accountSync.setCondition(null));
    expect(await store.meta.get("account-health.condition")).toBeNull();
    await store.close();
  });
});
