import { describe, expect, it } from "vitest";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { createPoller, type PollJob, type TimerApi } from "@/lib/server/poller/create-poller";

/** A hand-driven clock: timers fire only when the test advances time. */
function createManualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: TimerApi = {
    setTimeout(callback, ms) {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  async function advance(ms: number) {
    const target = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, timer]) => timer.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    }
    now = target;
  }
  return { timers, advance, pendingCount: () => pending.size };
}

describe("createPoller", () => {
  it("runs every job once at start, then on its interval, never overlapping", async () => {
    const manual = createManualTimers();
    const runs: number[] = [];
    let active = 0;
    let maxActive = 0;
    const job: PollJob = {
      id: "a",
      intervalMs: 1000,
      timeoutMs: 500,
      async run() {
        active += 1;
        maxActive = Math.max(maxActive, active);
        runs.push(runs.length);
        await Promise.resolve();
        active -= 1;
      },
    };
    const poller = createPoller({ jobs: [job], timers: manual.timers, logger: silentLogger });
    poller.start();
    poller.start();
    await manual.advance(0);
    expect(runs).toHaveLength(1);
    await manual.advance(999);
    expect(runs).toHaveLength(1);
    await manual.advance(1);
    expect(runs).toHaveLength(2);
    await manual.advance(3000);
    expect(runs).toHaveLength(5);
    expect(maxActive).toBe(1);
    await poller.stop();
    await manual.advance(10_000);
    expect(runs).toHaveLength(5);
    expect(manual.pendingCount()).toBe(0);
  });

  it("keeps scheduling after a failing run and aborts a run that exceeds its timeout", async () => {
    const manual = createManualTimers();
    let calls = 0;
    const aborted: string[] = [];
    const job: PollJob = {
      id: "flaky",
      intervalMs: 100,
      timeoutMs: 50,
      run(signal) {
        calls += 1;
        if (calls === 1) return Promise.reject(new Error("boom"));
        return new Promise<void>((resolve) => {
          signal.addEventListener("abort", () => {
            aborted.push(String((signal.reason as Error).message));
            resolve();
          });
        });
      },
    };
    const poller = createPoller({ jobs: [job], timers: manual.timers, logger: silentLogger });
    poller.start();
    await manual.advance(0);
    await manual.advance(100);
    expect(calls).toBe(2);
    await manual.advance(50);
    expect(aborted).toEqual(["flaky timed out after 50 ms"]);
    await manual.advance(100);
    expect(calls).toBe(3);
    await poller.stop();
    expect(aborted).toHaveLength(2);
  });
});
