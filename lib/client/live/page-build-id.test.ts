import { describe, expect, it } from "vitest";
import { getPageBuildId, noteServerBuildId, reloadWithLoopGuard } from "@/lib/client/live/page-build-id";

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe("page build id", () => {
  it("takes the first hello as the page's build and flags a later different one", () => {
    expect(getPageBuildId()).toBeNull();
    expect(noteServerBuildId("b1")).toBe("baseline");
    expect(noteServerBuildId("b1")).toBe("same");
    expect(noteServerBuildId("b2")).toBe("changed");
    expect(getPageBuildId()).toBe("b1");
  });
});

describe("reloadWithLoopGuard", () => {
  it("reloads at most three times in ten minutes", () => {
    const storage = memoryStorage();
    let reloads = 0;
    const attempt = (now: number) => reloadWithLoopGuard({ storage, reload: () => (reloads += 1), now });
    expect([attempt(0), attempt(60_000), attempt(120_000), attempt(180_000)]).toEqual([true, true, true, false]);
    expect(reloads).toBe(3);
    // The oldest leaves the window after ten minutes; then one more is allowed.
    expect(attempt(600_001)).toBe(true);
    expect(reloads).toBe(4);
  });

  it("still reloads when storage is unavailable or holds garbage", () => {
    let reloads = 0;
    expect(reloadWithLoopGuard({ storage: null, reload: () => (reloads += 1), now: 0 })).toBe(true);
    const storage = memoryStorage();
    storage.setItem("healthdeck.live.reloads", "{not json");
    expect(reloadWithLoopGuard({ storage, reload: () => (reloads += 1), now: 0 })).toBe(true);
    expect(reloads).toBe(2);
  });
});
