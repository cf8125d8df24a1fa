import "server-only";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { HEALTHDECK_VERSION } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
import type { SourceHealth } from "@/lib/shared/public-status-contract";
import type { ReplicaRole } from "@/lib/server/store/contract/store-contract";
import { hashChannelTarget } from "@/lib/server/outputs/delivery/create-dispatcher";

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
  /** the notifications dispatcher; null when no notifications file is set */
  notifications: NotificationsHealth | null;
}

export interface NotificationsHealth {
  channels: number;
  queued: number;
  sent: number;
  failed: number;
  expired: number;
  /** carried by a storm's digest instead of being sent one by one */
  folded: number;
  /** channels whose endpoint answered 404/410: nothing is sent to them until their URL changes */
  brokenChannels: { id: string; since: string; reason: string }[];
}

async function readNotificationsHealth(runtime: ReturnType<typeof getRuntime>): Promise<NotificationsHealth | null> {
  const notify = runtime.notifications;
  if (!notify) return null;
  const [counts, broken] = await Promise.all([runtime.store.outbox.countByStatus(), runtime.store.outbox.listBrokenChannels()]);
  const hashes = new Map(notify.config.channels.map((channel) => [channel.id, hashChannelTarget(channel)]));
  return {
    channels: notify.config.channels.length,
    ...counts,
    brokenChannels: broken
      .filter((row) => hashes.get(row.channel) === row.targetHash)
      .map((row) => ({ id: row.channel, since: new Date(row.at).toISOString(), reason: row.reason })),
  };
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
    notifications: await readNotificationsHealth(runtime),
  };
}
