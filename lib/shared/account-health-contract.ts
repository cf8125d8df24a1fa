import { z } from "zod/mini";
import { sourceHealthSchema } from "@/lib/shared/public-status-contract";

/**
 * JSON contract of /api/v1/account/*. Field names are public: add, never rename.
 * Enumerations from AWS are kept as strings: unknown values must survive, never crash.
 */

export const KNOWN_EVENT_CATEGORIES = ["issue", "accountNotification", "scheduledChange", "investigation"] as const;
export const KNOWN_EVENT_STATUSES = ["open", "closed", "upcoming"] as const;
export const KNOWN_ENTITY_STATUSES = ["IMPAIRED", "UNIMPAIRED", "UNKNOWN", "PENDING", "RESOLVED"] as const;

export const entityCountsSchema = z.object({
  total: z.number(),
  /** by entity status code, including unknown codes as they came */
  byStatus: z.record(z.string(), z.number()),
});
export type EntityCounts = z.infer<typeof entityCountsSchema>;

export const accountEventSchema = z.object({
  /** stable, URL-safe id of (account, event ARN) */
  id: z.string(),
  arn: z.string(),
  /** null when the account is not known (account view without a resolvable identity) */
  accountId: z.nullable(z.string()),
  service: z.string(),
  eventTypeCode: z.string(),
  category: z.string(),
  /** region code, or "global" as AWS writes it */
  region: z.nullable(z.string()),
  availabilityZone: z.nullable(z.string()),
  status: z.string(),
  scope: z.nullable(z.string()),
  startTime: z.nullable(z.string()),
  endTime: z.nullable(z.string()),
  lastUpdatedTime: z.nullable(z.string()),
  description: z.string(),
  entityCounts: entityCountsSchema,
  actionability: z.nullable(z.string()),
  personas: z.array(z.string()),
  metadata: z.record(z.string(), z.string()),
  /** where we learned about it: the Health API poll, EventBridge push, or both */
  origins: z.array(z.enum(["api", "eventbridge"])),
  isSecurity: z.boolean(),
});
export type AccountEvent = z.infer<typeof accountEventSchema>;

export const accountEventUpdateSchema = z.object({
  at: z.string(),
  status: z.string(),
  description: z.string(),
});
export type AccountEventUpdate = z.infer<typeof accountEventUpdateSchema>;

export const accountEventDetailSchema = z.extend(accountEventSchema, {
  updates: z.array(accountEventUpdateSchema),
});
export type AccountEventDetail = z.infer<typeof accountEventDetailSchema>;

export const affectedEntitySchema = z.object({
  entityArn: z.nullable(z.string()),
  entityValue: z.string(),
  entityUrl: z.nullable(z.string()),
  accountId: z.nullable(z.string()),
  status: z.string(),
  lastUpdatedTime: z.nullable(z.string()),
  metadata: z.record(z.string(), z.string()),
});
export type AffectedEntity = z.infer<typeof affectedEntitySchema>;

export const accountEventsResponseSchema = z.object({
  sources: z.array(sourceHealthSchema),
  events: z.array(accountEventSchema),
});
export type AccountEventsResponse = z.infer<typeof accountEventsResponseSchema>;

export const accountEventResponseSchema = z.object({
  event: accountEventDetailSchema,
});

export const entitiesResponseSchema = z.object({
  eventId: z.string(),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  nextOffset: z.nullable(z.number()),
  entities: z.array(affectedEntitySchema),
});
export type EntitiesResponse = z.infer<typeof entitiesResponseSchema>;

/** Codes that mean "someone may be in your account": pinned in a banner until closed. */
export const SECURITY_EVENT_CODE_PATTERNS: readonly RegExp[] = [
  /^AWS_RISK_/,
  /^AWS_ABUSE_/,
  /_SECURITY_NOTIFICATION$/,
  /^AWS_SECURITY_/,
];

export function isSecurityEventCode(eventTypeCode: string, service: string | null = null): boolean {
  const code = eventTypeCode.toUpperCase();
  return SECURITY_EVENT_CODE_PATTERNS.some((pattern) => pattern.test(code)) || service?.toUpperCase() === "RISK" || service?.toUpperCase() === "ABUSE";
}
