import { describe, expect, it } from "vitest";
import { coalesceCalls } from "@/lib/server/hub/coalesce-calls";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("coalesceCalls", () => {
  it("runs a burst of requests once, after the window", async () => {
    let runs = 0;
    const coalescer = coalesceCalls(() => (runs += 1), 60);
    for (let i = 0; i < 50; i += 1) coalescer.request();
    expect(coalescer.isPending).toBe(true);
    expect(runs).toBe(0);
    await sleep(120);
    expect(runs).toBe(1);
    expect(coalescer.isPending).toBe(false);
  });

  it("runs at most once per window under a steady trickle", async () => {
    let runs = 0;
    const coalescer = coalesceCalls(() => (runs += 1), 100);
    const started = Date.now();
    while (Date.now() - started < 550) {
      coalescer.request();
      await sleep(10);
    }
    await sleep(150);
    // At most one run per 100 ms window (a busy machine may fire timers late, never early), yet never starved.
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(7);
  });

  it("does nothing once cancelled", async () => {
    let runs = 0;
    const coalescer = coalesceCalls(() => (runs += 1), 30);
    coalescer.request();
    coalescer.cancel();
    await sleep(80);
    expect(runs).toBe(0);
  });
});
