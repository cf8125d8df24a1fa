import type { Logger } from "@/lib/server/logging/create-logger";

export interface PollJob {
  id: string;
  intervalMs: number;
  /** A run that takes longer is aborted, so one stuck upstream never stalls the loop. */
  timeoutMs: number;
  run(signal: AbortSignal): Promise<void>;
}

export interface TimerApi {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PollerDeps {
  jobs: readonly PollJob[];
  timers?: TimerApi;
  logger: Logger;
}

export interface Poller {
  start(): void;
  stop(): Promise<void>;
  /** Runs one job now (waiting for a run in flight first); used by tests and benchmarks. */
  runNow(jobId: string): Promise<void>;
  readonly isRunning: boolean;
}

const realTimers: TimerApi = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Chained timers per job: a run never overlaps the previous one and the next one is always
 * scheduled, whatever happened. Every job runs once at start.
 */
export function createPoller(deps: PollerDeps): Poller {
  const timers = deps.timers ?? realTimers;
  const state = new Map<string, { timer: unknown; inFlight: Promise<void> | null; abort: AbortController | null }>();
  let running = false;

  for (const job of deps.jobs) state.set(job.id, { timer: null, inFlight: null, abort: null });

  async function runJob(job: PollJob): Promise<void> {
    const slot = state.get(job.id);
    if (!slot) throw new Error(`unknown poll job ${job.id}`);
    if (slot.inFlight) await slot.inFlight;
    const abort = new AbortController();
    const timeout = timers.setTimeout(() => abort.abort(new Error(`${job.id} timed out after ${job.timeoutMs} ms`)), job.timeoutMs);
    slot.abort = abort;
    slot.inFlight = (async () => {
      try {
        await job.run(abort.signal);
      } catch (error) {
        deps.logger.error("poll job failed", { job: job.id, error: error instanceof Error ? error.message : String(error) });
      } finally {
        timers.clearTimeout(timeout);
        slot.abort = null;
        slot.inFlight = null;
      }
    })();
    await slot.inFlight;
  }

  function schedule(job: PollJob, delayMs: number): void {
    const slot = state.get(job.id);
    if (!slot || !running) return;
    slot.timer = timers.setTimeout(() => {
      slot.timer = null;
      void runJob(job).finally(() => schedule(job, job.intervalMs));
    }, delayMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      for (const job of deps.jobs) schedule(job, 0);
    },
    async stop() {
      running = false;
      const pending: Promise<void>[] = [];
      for (const slot of state.values()) {
        if (slot.timer !== null) timers.clearTimeout(slot.timer);
        slot.timer = null;
        slot.abort?.abort(new Error("poller stopped"));
        if (slot.inFlight) pending.push(slot.inFlight);
      }
      await Promise.all(pending);
    },
    async runNow(jobId: string) {
      const job = deps.jobs.find((candidate) => candidate.id === jobId);
      if (!job) throw new Error(`unknown poll job ${jobId}`);
      await runJob(job);
    },
    get isRunning() {
      return running;
    },
  };
}
