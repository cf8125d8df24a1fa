import type { SourceHealth } from "@/lib/shared/public-status-contract";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import { readMetricsSnapshot, type MetricsSnapshot } from "@/lib/server/outputs/metrics/read-metrics-snapshot";

export interface KeptSnapshot {
  snapshot: MetricsSnapshot;
  /** 0 when the snapshot shows the store's latest change, else seconds since the first change it does not show */
  ageSeconds: number;
}

export interface MetricsSnapshotKeeper {
  /** The latest snapshot; only the very first read waits for one to be built. */
  read(sources: readonly SourceHealth[]): Promise<KeptSnapshot>;
}

// Statuses also change with the clock, through the sources' states ("stale after…").
const keyOf = (sources: readonly SourceHealth[]) => sources.map((source) => source.state).join(",");

/**
 * The store figures of the metrics, rebuilt off the scrape's path: when the store signals a change (a poll, another
 * replica's commit) or a source's state moved with the clock. A scrape serves the last snapshot and says how old it is.
 */
export function keepMetricsSnapshot(runtime: HealthdeckRuntime, withAccountLabel: boolean): MetricsSnapshotKeeper {
  let served: { snapshot: MetricsSnapshot; key: string } | null = null;
  let building: Promise<void> | null = null;
  let isDirty = false;
  /** the first change the served snapshot does not show, and the first since the running build began reading */
  let changedSince: number | null = null;
  let changedDuringBuild: number | null = null;

  async function build(): Promise<void> {
    // Yield first: the change signal comes from inside a writer's commit, and bursts of commits become one build.
    await new Promise((resolve) => setImmediate(resolve));
    isDirty = false;
    changedDuringBuild = null;
    const sources = await listSourceHealth(runtime, runtime.now());
    const snapshot = await readMetricsSnapshot(runtime, sources, withAccountLabel);
    served = { snapshot, key: keyOf(sources) };
    changedSince = changedDuringBuild;
  }

  function start(): Promise<void> {
    const run = build().finally(() => {
      if (building === run) building = null;
      if (isDirty) void start().catch(() => undefined);
    });
    building = run;
    run.catch((error: unknown) => runtime.logger.warn("metrics snapshot not rebuilt", { error: error instanceof Error ? error.message : String(error) }));
    return run;
  }

  function markChanged(): void {
    const now = runtime.now();
    changedSince ??= now;
    if (building) {
      changedDuringBuild ??= now;
      isDirty = true;
    } else {
      void start().catch(() => undefined);
    }
  }

  runtime.store.onChange(markChanged);

  return {
    async read(sources) {
      if (served === null) await (building ?? start());
      if (served === null) throw new Error("no metrics snapshot yet");
      if (keyOf(sources) !== served.key && changedSince === null) markChanged();
      // A build that failed is tried again by the next scrape.
      if (changedSince !== null && building === null) void start().catch(() => undefined);
      return { snapshot: served.snapshot, ageSeconds: changedSince === null ? 0 : Math.max(0, runtime.now() - changedSince) / 1000 };
    },
  };
}
