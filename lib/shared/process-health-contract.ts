import { z } from "zod";
import { sourceHealthSchema } from "@/lib/shared/public-status-contract";

/** JSON contract of `GET /api/v1/health`. Field names are public: add, never rename. */
export const notificationsHealthSchema = z.object({
  channels: z.number().int(),
  queued: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  expired: z.number().int(),
  /** carried by a storm's digest instead of being sent one by one */
  folded: z.number().int(),
  /** channels whose endpoint answered 404/410: nothing is sent to them until their URL changes */
  brokenChannels: z.array(z.object({ id: z.string(), since: z.string(), reason: z.string() })),
  /** channels an admin turned off on /notifications: no new deliveries until enabled again */
  disabledChannels: z.array(z.object({ id: z.string(), since: z.string(), by: z.string() })),
});
export type NotificationsHealth = z.infer<typeof notificationsHealthSchema>;

export const processHealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  uptimeSeconds: z.number().int(),
  poller: z.object({ running: z.boolean() }),
  database: z.literal("ok"),
  /** single: SQLite, one process; leader/follower: a replica on PostgreSQL (only the leader polls) */
  role: z.enum(["single", "leader", "follower"]),
  engine: z.enum(["sqlite", "postgres"]),
  sources: z.array(sourceHealthSchema),
  /** the notifications dispatcher; null when no notifications file is set */
  notifications: notificationsHealthSchema.nullable(),
});
export type ProcessHealth = z.infer<typeof processHealthSchema>;
