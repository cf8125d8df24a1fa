import { z } from "zod";

/**
 * zod schemas for the raw currentevents payload (reference §4). Deliberately loose: unknown fields
 * are dropped, optional blocks may be missing, and strings/numbers are accepted for every number
 * because AWS mixes them (`date` is a string, `event_log[].timestamp` a number).
 */

const NUMERIC_TEXT = /^\s*\d+(?:\.\d+)?\s*$/;

export const epochValueSchema = z
  .union([z.number(), z.string().regex(NUMERIC_TEXT, "expected a numeric epoch").transform(Number)])
  .pipe(z.number().finite().nonnegative());

export const levelValueSchema = z.union([z.string(), z.number()]);

const optionalText = z.string().optional().catch(undefined);

/** Service keys (slugs) are lowercase everywhere AWS shows them; normalised so sources always match. */
export const serviceKeySchema = z.string().trim().toLowerCase().min(1);

export const rawEventSchema = z.object({
  // The 2023 shape had no `arn`; such an event is kept under an identity from its service key and start time.
  arn: z.string().trim().min(1).optional().catch(undefined),
  service: serviceKeySchema,
  date: epochValueSchema,
  service_name: optionalText,
  region_name: optionalText,
  summary: optionalText,
  status: levelValueSchema.optional(),
  end_time: z.union([z.string(), z.number()]).nullable().optional(),
  event_log: z.array(z.unknown()).optional(),
  impacted_services: z.record(z.string(), z.unknown()).optional(),
  impacted_service_status_changes: z.array(z.unknown()).optional(),
});
export type RawEvent = z.infer<typeof rawEventSchema>;

export const rawEventLogEntrySchema = z.object({
  timestamp: epochValueSchema,
  summary: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  status: levelValueSchema.optional(),
});
export type RawEventLogEntry = z.infer<typeof rawEventLogEntrySchema>;

export const rawImpactedServiceSchema = z.object({
  service_name: optionalText,
  current: levelValueSchema.optional(),
  max: levelValueSchema.optional(),
});

export const rawStatusChangeSchema = z.object({
  service: serviceKeySchema,
  timestamp: epochValueSchema,
  previous_status: levelValueSchema.optional(),
  current_status: levelValueSchema.optional(),
});

/** First zod issue as `path: message`, short enough for a log line. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid value";
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
