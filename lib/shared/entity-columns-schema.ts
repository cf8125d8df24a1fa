import { z } from "zod";
import type { EntityColumnsResponse } from "@/lib/shared/entity-columns-contract";

// Apart from entity-columns-contract.ts, whose types browser code may import without loading zod.
/** The zod form of EntityColumnsResponse, for the OpenAPI document; `AssertSame` keeps the two in step. */
export const entityColumnsResponseSchema = z.object({
  eventId: z.string(),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  nextOffset: z.number().nullable(),
  format: z.literal("lean"),
  columns: z.object({
    statuses: z.array(z.string()),
    accounts: z.array(z.string()),
    times: z.array(z.string()),
    prefix: z.array(z.number()),
    value: z.array(z.string()),
    arn: z.array(z.string().nullable()).nullable(),
    url: z.array(z.string().nullable()).nullable(),
    status: z.array(z.number()),
    account: z.array(z.number()),
    time: z.array(z.number()),
    metadata: z.record(z.string(), z.record(z.string(), z.string())),
  }),
});
type AssertSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const ENTITY_COLUMNS_SCHEMA_MATCHES: AssertSame<z.infer<typeof entityColumnsResponseSchema>, EntityColumnsResponse> = true;
