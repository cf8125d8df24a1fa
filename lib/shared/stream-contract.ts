import { z } from "zod/mini";
import { accountEventSchema } from "@/lib/shared/account-health-contract";
import { publicEventSchema, serviceStatusSchema, sourceHealthSchema, statusResponseSchema } from "@/lib/shared/public-status-contract";

/**
 * Server-sent events of GET /api/v1/stream. Every `snapshot` and `change` carries an opaque id
 * (`<process epoch>-<sequence>`) and the store `version` it reflects; a client that reconnects with
 * Last-Event-ID gets the changes it missed, or a fresh snapshot when they are no longer kept (or the
 * server restarted). Field names are public: add, never rename.
 */

export const streamHelloSchema = z.object({
  buildId: z.string(),
  serverTime: z.string(),
  heartbeatSeconds: z.number(),
});
export type StreamHello = z.infer<typeof streamHelloSchema>;

/** Account events a screen shows live: open and upcoming ones, plus those closed in the last 24 h. */
export const streamAccountSchema = z.object({
  sources: z.array(sourceHealthSchema),
  events: z.array(accountEventSchema),
});

export const streamSnapshotSchema = z.object({
  version: z.number(),
  status: statusResponseSchema,
  account: streamAccountSchema,
});
export type StreamSnapshot = z.infer<typeof streamSnapshotSchema>;

/** The board's packed status (see compact-status-response.ts): at AWS scale ~30 KB instead of ~900 KB. */
export const compactStatusResponseSchema = z.extend(z.omit(statusResponseSchema, { services: true }), {
  regions: z.array(z.nullable(z.string())),
  names: z.record(z.string(), z.string()),
  operational: z.record(z.string(), z.array(z.int().check(z.nonnegative()))),
  others: z.array(serviceStatusSchema),
});

/** `snapshot` of a stream opened with `?snapshot=compact`: the same, with `statusCompact` in place of `status`. */
export const streamCompactSnapshotSchema = z.object({
  version: z.number(),
  statusCompact: compactStatusResponseSchema,
  account: streamAccountSchema,
});
export type StreamCompactSnapshot = z.infer<typeof streamCompactSnapshotSchema>;

export const SNAPSHOT_FORMATS = ["full", "compact"] as const;
export type SnapshotFormat = (typeof SNAPSHOT_FORMATS)[number];

/** Upserts are keyed by `key` (services) and `id` (events); `sources` is the whole list when present. */
export const streamChangeSchema = z.object({
  version: z.number(),
  generatedAt: z.string(),
  sources: z.optional(z.array(sourceHealthSchema)),
  services: z.optional(z.array(serviceStatusSchema)),
  removedServiceKeys: z.optional(z.array(z.string())),
  events: z.optional(z.array(publicEventSchema)),
  removedEventIds: z.optional(z.array(z.string())),
  accountSources: z.optional(z.array(sourceHealthSchema)),
  accountEvents: z.optional(z.array(accountEventSchema)),
  removedAccountEventIds: z.optional(z.array(z.string())),
});
export type StreamChange = z.infer<typeof streamChangeSchema>;

/** Sent every `heartbeatSeconds`: EventSource hides comments, so liveness needs a real event. No id. */
export const streamHeartbeatSchema = z.object({
  serverTime: z.string(),
});
export type StreamHeartbeat = z.infer<typeof streamHeartbeatSchema>;

export const STREAM_EVENT_NAMES = ["hello", "snapshot", "change", "reload", "heartbeat"] as const;
