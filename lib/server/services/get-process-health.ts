import "server-only";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { HEALTHDECK_VERSION } from "@/lib/server/runtime/create-healthdeck-runtime";
import { listSourceHealth } from "@/lib/server/services/get-source-health";
export type { NotificationsHealth, ProcessHealth } from "@/lib/shared/process-health-contract";
import type { NotificationsHealth, ProcessHealth } from "@/lib/shared/process-health-contract";
import { readChannelSwitch } from "@/lib/server/outputs/admin/channel-switch";
import { hashChannelTarget } from "@/lib/server/outputs/delivery/create-dispatcher";

async function readNotificationsHealth(runtime: ReturnType<typeof getRuntime>): Promise<NotificationsHealth | null> {
  const notify = runtime.notifications;
  if (!notify) return null;
  const [counts, broken] = await Promise.all([runtime.store.outbox.countByStatus(), runtime.store.outbox.listBrokenChannels()]);
  const switches = await Promise.all(notify.config.channels.map(async (channel) => ({ id: channel.id, off: await readChannelSwitch(runtime.store.meta, channel.id) })));
  const hashes = new Map(notify.config.channels.map((channel) => [channel.id, hashChannelTarget(channel)]));
  return {
    channels: notify.config.channels.length,
    ...counts,
    brokenChannels: broken
      .filter((row) => hashes.get(row.channel) === row.targetHash)
      .map((row) => ({ id: row.channel, since: new Date(row.at).toISOString(), reason: row.reason })),
    disabledChannels: switches.flatMap(({ id, off }) => (off?.isDisabled ? [{ id, since: new Date(off.at).toISOString(), by: off.by }] : [])),
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
