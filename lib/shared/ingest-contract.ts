import { z } from "zod";

/** JSON contract of `POST /api/v1/ingest/eventbridge`'s answer. Field names are public: add, never rename. */
export const ingestEventResultSchema = z.object({
  index: z.number().int(),
  /** stored: new; duplicate: a redelivery; backup-merged: the other region's copy was already received */
  outcome: z.enum(["stored", "duplicate", "backup-merged"]),
  /** Healthdeck event id (`/events/<id>`) */
  id: z.string(),
  eventArn: z.string(),
  accountId: z.string(),
  communicationId: z.string(),
  page: z.number().int(),
  totalPages: z.number().int(),
  receivedPages: z.number().int(),
  isComplete: z.boolean(),
  isBackup: z.boolean(),
  entities: z.number().int(),
  isSuperseded: z.boolean(),
});

export const ingestSummarySchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  results: z.array(ingestEventResultSchema),
  /** events of the request that were not stored, by position (the others were) */
  rejected: z.array(z.object({ index: z.number().int(), error: z.string() })),
  /** oddities of stored events: a field repaired or ignored (AWS's own test templates carry some) */
  warnings: z.array(z.object({ index: z.number().int(), warning: z.string() })),
});
