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

/** Which of your account events and resources a public event touches. */
export const accountImpactSchema = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      accountId: z.string().nullable(),
      eventTypeCode: z.string(),
      status: z.string(),
      affectedResources: z.number(),
    }),
  ),
  affectedResources: z.number(),
  sampleResources: z.array(z.string()),
});
export type AccountImpact = z.infer<typeof accountImpactSchema>;

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
  accountImpact: accountImpactSchema.nullable(),
});
export type PublicEvent = z.infer<typeof publicEventSchema>;

/** Your accounts' open Health events on this service-region (null when none, or no account source). */
export const accountMarkSchema = z.object({
  openEvents: z.number(),
  affectedResources: z.number(),
});
export type AccountMark = z.infer<typeof accountMarkSchema>;

export const serviceStatusSchema = z.object({
  key: z.string(),
  service: z.string(),
  region: z.string().nullable(),
  name: z.string(),
  status: healthStatusSchema,
  since: isoTimeSchema.nullable(),
  account: accountMarkSchema.nullable(),
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
