import { z } from "zod";
import { healthStatusSchema } from "@/lib/shared/health-status";

/** JSON contract of /api/v1/status and /api/v1/history. Field names are public: add, never rename. */

export const isoTimeSchema = z.string();

/** `unavailable`: the upstream refuses us for a reason a retry will not fix (no support plan, access denied). */
export const SOURCE_STATES = ["ok", "stale", "error", "disabled", "unavailable"] as const;
export const sourceStateSchema = z.enum(SOURCE_STATES);
export type SourceState = z.infer<typeof sourceStateSchema>;

export const sourceHealthSchema = z.object({
  id: z.string(),
  label: z.string(),
  state: sourceStateSchema,
  lastSuccessAt: isoTimeSchema.nullable(),
  lastAttemptAt: isoTimeSchema.nullable(),
  error: z.string().nullable(),
  intervalSeconds: z.number(),
});
export type SourceHealth = z.infer<typeof sourceHealthSchema>;

export const eventUpdateSchema = z.object({
  at: isoTimeSchema,
  status: healthStatusSchema,
  summary: z.string(),
  message: z.string(),
});
export type EventUpdate = z.infer<typeof eventUpdateSchema>;

export const impactedServiceSchema = z.object({
  key: z.string(),
  service: z.string(),
  region: z.string().nullable(),
  name: z.string(),
  status: healthStatusSchema,
  maxStatus: healthStatusSchema,
});
export type ImpactedService = z.infer<typeof impactedServiceSchema>;

export const publicEventSchema = z.object({
  id: z.string(),
  arn: z.string().nullable(),
  key: z.string(),
  service: z.string(),
  region: z.string().nullable(),
  name: z.string(),
  status: healthStatusSchema,
  summary: z.string(),
  resolved: z.boolean(),
  startedAt: isoTimeSchema,
  endedAt: isoTimeSchema.nullable(),
  updates: z.array(eventUpdateSchema),
  impactedServices: z.array(impactedServiceSchema),
});
export type PublicEvent = z.infer<typeof publicEventSchema>;

export const serviceStatusSchema = z.object({
  key: z.string(),
  service: z.string(),
  region: z.string().nullable(),
  name: z.string(),
  status: healthStatusSchema,
  since: isoTimeSchema.nullable(),
});
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;

export const statusResponseSchema = z.object({
  generatedAt: isoTimeSchema,
  simulated: z.boolean(),
  sources: z.array(sourceHealthSchema),
  services: z.array(serviceStatusSchema),
  events: z.array(publicEventSchema),
});
export type StatusResponse = z.infer<typeof statusResponseSchema>;

export const historyResponseSchema = z.object({
  events: z.array(publicEventSchema),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;
