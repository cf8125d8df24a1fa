import { afterEach, describe, expect, it } from "vitest";
import { createRebuildLoop, type RebuildLoop } from "@/lib/server/hub/create-rebuild-loop";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a scope build is synchronous work
  }
};

let loop: RebuildLoop | null = null;
afterEach(() => loop?.stop());

describe("createRebuildLoop", () => {
  it("never runs two passes at once, and runs one more for a request made during a pass", async () => {
    const log: string[] = [];
    let pass = 0;
    loop = createRebuildLoop({
      list: () => {
        pass += 1;
        return ["a", "b", "c"].map((item) => `${pass}${item}`);
      },
      rebuild: (item) => {
        log.push(`start ${item}`);
        busy(5);
        log.push(`end ${item}`);
      },
      coalesceMs: 10,
      refreshMs: 60_000,
    });
    const first = loop.runNow();
    const second = loop.runNow();
    const third = loop.runNow();
    await Promise.all([first, second, third]);
    expect(log).toEqual(["1a", "1b", "1c", "2a", "2b", "2c"].flatMap((item) => [`start ${item}`, `end ${item}`]));
  });

  it("lets other work (timers, I/O) run between scopes", async () => {
    const order: string[] = [];
    const items = Array.from({ length: 10 }, (_, index) => `scope-${index}`);
    const rebuild = (item: string) => {
      busy(2);
      order.push(item);
    };
    loop = createRebuildLoop({ list: () => items, rebuild, coalesceMs: 10, refreshMs: 60_000 });
    setTimeout(() => order.push("timer"), 0);
    await loop.runNow();
    const at = order.indexOf("timer");
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(order.length - 1);
  });

  it("coalesces requests and keeps clock passes to a tenth of the time", async () => {
    const passes: number[] = [];
    loop = createRebuildLoop({
      list: () => {
        passes.push(performance.now());
        return ["slow"];
      },
      rebuild: () => busy(20),
      coalesceMs: 30,
      refreshMs: 50,
    });
    for (let i = 0; i < 20; i += 1) loop.request();
    await sleep(45);
    expect(passes).toHaveLength(1);
    const deadline = Date.now() + 5000;
    while (passes.length < 4 && Date.now() < deadline) await sleep(20);
    expect(passes.length).toBeGreaterThanOrEqual(4);
    // Each pass takes at least 20 ms, so clock passes are at least ~200 ms apart, not 50.
    const gaps = passes.slice(2).map((at, index) => at - (passes[index + 1] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(190);
  });
});
