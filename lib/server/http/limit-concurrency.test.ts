import { describe, expect, it } from "vitest";
import { createConcurrencyLimit } from "@/lib/server/http/limit-concurrency";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("createConcurrencyLimit", () => {
  it("never runs more than max tasks at once and starts waiting ones in order", async () => {
    const limit = createConcurrencyLimit(2);
    const gates = [0, 1, 2, 3, 4].map(() => deferred<number>());
    const started: number[] = [];
    let active = 0;
    let peak = 0;
    const results = gates.map((gate, index) =>
      limit(async () => {
        started.push(index);
        active += 1;
        peak = Math.max(peak, active);
        try {
          return await gate.promise;
        } finally {
          active -= 1;
        }
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve(1);
    await results[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate, index) => gate.resolve(index));
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it("frees the slot when a task rejects or throws synchronously", async () => {
    const limit = createConcurrencyLimit(1);
    const failing = limit(() => Promise.reject(new Error("async fail")));
    const throwing = limit(() => {
      throw new Error("sync fail");
    });
    const after = limit(async () => "still runs");
    await expect(failing).rejects.toThrow("async fail");
    await expect(throwing).rejects.toThrow("sync fail");
    await expect(after).resolves.toBe("still runs");
  });

  it("rejects a limit that is not a positive integer", () => {
    expect(() => createConcurrencyLimit(0)).toThrow(RangeError);
    expect(() => createConcurrencyLimit(1.5)).toThrow(RangeError);
  });
});
