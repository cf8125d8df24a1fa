import "server-only";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { HEALTHDECK_VERSION } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import type { SourceHealth } from "@/lib/shared/public-status-contract";
import type { ReplicaRole } from "@/lib/server/store/contract/store-contract";

export interface ProcessHealth {
  status: "ok" | "degraded";
  version: string;
  uptimeSeconds: number;
  poller: { running: boolean };
  database: "ok";
  /** single: SQLite, one process; leader/follower: a replica on PostgreSQL (only the leader polls) */
  role: ReplicaRole;
  engine: "sqlite" | "postgres";
  sources: SourceHealth[];
}

/** The process serves and its store answers: "degraded" means an upstream is failing, not this process. */
export async function getProcessHealth(): Promise<ProcessHealth> {
  const runtime = getRuntime();
  const now = runtime.now();
  await runtime.store.ping();
  const sources = await listSourceHealth(runtime, now);
  return {
    // "unavailable" (no support plan) is a standing fact of the account, not a fault of this deployment.
    status: sources.every((source) => ["ok", "disabled", "unavailable"].includes(source.state)) ? "ok" : "degraded",
    version: HEALTHDECK_VERSION,
    uptimeSeconds: Math.round((now - runtime.startedAt) / 1000),
    poller: { running: runtime.poller.isRunning },
    database: "ok",
    role: runtime.store.coordinator.role,
    engine: runtime.store.engine,
    sources,
  };
}
