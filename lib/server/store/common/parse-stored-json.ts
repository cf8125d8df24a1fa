import { z } from "zod";
import { healthStatusSchema } from "@/lib/shared/health-status";
import type { ImpactedServiceRecord, PublicUpdateRecord } from "@/lib/server/domain/public-status-records";

/** A status a newer version stored, or a damaged row, reads as unknown: never as green, never a crash. */
export const statusOrUnknown = z.catch(healthStatusSchema, "unknown");

const impactedSchema = z.array(
  z.object({
    key: z.string(),
    name: z.string(),
    status: statusOrUnknown,
    maxStatus: statusOrUnknown,
    changedAt: z.number().nullable(),
  }),
);

const updatesSchema = z.array(
  z.object({
    key: z.string(),
    at: z.number(),
    status: statusOrUnknown,
    resolved: z.boolean(),
    summary: z.string(),
    message: z.string(),
    origin: z.enum(["rss", "currentevents"]),
  }),
);

/** JSON columns are written by us, but a row from an older version must still read (unknown, never a crash). */
export function parseImpactedJson(json: string): ImpactedServiceRecord[] {
  return impactedSchema.catch([]).parse(JSON.parse(json));
}

export function parseUpdatesJson(json: string): PublicUpdateRecord[] {
  return updatesSchema.catch([]).parse(JSON.parse(json));
}

/** Entity metadata is JSON we wrote ourselves; a cheap shape check keeps 50,000-row pages fast. */
export function readEntityMetadata(json: string): Record<string, string> {
  if (json === "{}") return {};
  const value: unknown = JSON.parse(json);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const metadata: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === "string") metadata[key] = item;
  return metadata;
}
