// zod/mini, not classic zod: the browser validates stream messages with these, and classic zod is ~100 KB of script.
import { z } from "zod/mini";
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
  lastSuccessAt: z.nullable(isoTimeSchema),
  lastAttemptAt: z.nullable(isoTimeSchema),
  error: z.nullable(z.string()),
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
  region: z.nullable(z.string()),
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
      accountId: z.nullable(z.string()),
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
  arn: z.nullable(z.string()),
  key: z.string(),
  service: z.string(),
  region: z.nullable(z.string()),
  name: z.string(),
  status: healthStatusSchema,
  summary: z.string(),
  resolved: z.boolean(),
  startedAt: isoTimeSchema,
  endedAt: z.nullable(isoTimeSchema),
  updates: z.array(eventUpdateSchema),
  impactedServices: z.array(impactedServiceSchema),
  accountImpact: z.nullable(accountImpactSchema),
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
  region: z.nullable(z.string()),
  name: z.string(),
  status: healthStatusSchema,
  since: z.nullable(isoTimeSchema),
  account: z.nullable(accountMarkSchema),
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
