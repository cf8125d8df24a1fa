import { z } from "zod";
import type { AffectedEntity, EntitiesResponse } from "@/lib/shared/account-health-contract";

const envelopeSchema = z.object({
  eventId: z.string(),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  nextOffset: z.number().nullable(),
  entities: z.array(z.unknown()),
});

const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === "string";

function isStringRecord(value: unknown): value is Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const item of Object.values(value)) if (typeof item !== "string") return false;
  return true;
}

/** The same rules as affectedEntitySchema, written out: zod costs ~10 µs a row, too slow for 50,000 rows on the main thread. */
export function isAffectedEntity(value: unknown): value is AffectedEntity {
  if (typeof value !== "object" || value === null) return false;
  const row = value as Record<string, unknown>; // an object was checked just above; each field is checked below
  return (
    typeof row.entityValue === "string" &&
    typeof row.status === "string" &&
    isStringOrNull(row.entityArn) &&
    isStringOrNull(row.entityUrl) &&
    isStringOrNull(row.accountId) &&
    isStringOrNull(row.lastUpdatedTime) &&
    isStringRecord(row.metadata)
  );
}

/** A page of /entities, validated: the envelope by zod, the rows by isAffectedEntity. Null when anything is off. */
export function parseEntitiesPage(body: unknown): EntitiesResponse | null {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return null;
  const rows = envelope.data.entities;
  if (!rows.every(isAffectedEntity)) return null;
  return { ...envelope.data, entities: rows };
}
