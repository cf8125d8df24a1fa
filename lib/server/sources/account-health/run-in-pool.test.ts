import { describe, expect, it } from "vitest";
import { runInPool } from "@/lib/server/sources/account-health/run-in-pool";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("runInPool", () => {
  it("never has more than the limit in flight and runs every item once", async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    await runInPool([1, 2, 3, 4, 5, 6, 7], 2, async (item) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await tick();
      done.push(item);
      inFlight -= 1;
    });
    expect(peak).toBe(2);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("starts nothing after a failure, waits for the running item, then throws the first error", async () => {
    const started: number[] = [];
    let finishedAfterFailure = false;
    const run = runInPool([1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      if (item === 1) throw new Error("first");
      await tick();
      await tick();
      finishedAfterFailure = true;
    });
    await expect(run).rejects.toThrow("first");
    expect(finishedAfterFailure).toBe(true);
    expect(started).toEqual([1, 2]);
  });
});
