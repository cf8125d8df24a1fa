import { z } from "zod";

/**
 * Lenient views of what @aws-sdk/client-health hands back. Enumerations stay plain strings (unknown
 * values survive), anything missing or malformed becomes null instead of failing the page.
 */
const text = z.string().nullish().catch(null).transform((value) => value ?? null);
const epochMs = z
  .date()
  .nullish()
  .catch(null)
  .transform((value) => (value && !Number.isNaN(value.getTime()) ? value.getTime() : null));
const stringMap = z.record(z.string(), z.string()).nullish().catch(null).transform((value) => value ?? null);
const stringList = z.array(z.string()).nullish().catch(null).transform((value) => value ?? null);

export const sdkEventSchema = z.object({
  arn: text,
  service: text,
  eventTypeCode: text,
  eventTypeCategory: text,
  region: text,
  availabilityZone: text,
  startTime: epochMs,
  endTime: epochMs,
  lastUpdatedTime: epochMs,
  statusCode: text,
  eventScopeCode: text,
  actionability: text,
  personas: stringList,
});
export type SdkEvent = z.output<typeof sdkEventSchema>;

export const sdkEventDetailsSchema = z.object({
  awsAccountId: text,
  event: sdkEventSchema.nullish().catch(null).transform((value) => value ?? null),
  eventDescription: z
    .object({ latestDescription: text })
    .nullish()
    .catch(null)
    .transform((value) => value?.latestDescription ?? null),
  eventMetadata: stringMap,
});
export type SdkEventDetails = z.output<typeof sdkEventDetailsSchema>;

export const sdkFailedItemSchema = z.object({
  awsAccountId: text,
  eventArn: text,
  errorName: text,
  errorMessage: text,
});
export type SdkFailedItem = z.output<typeof sdkFailedItemSchema>;

export const sdkAffectedEntitySchema = z.object({
  entityArn: text,
  eventArn: text,
  entityValue: text,
  entityUrl: text,
  awsAccountId: text,
  lastUpdatedTime: epochMs,
  statusCode: text,
  entityMetadata: stringMap,
});
export type SdkAffectedEntity = z.output<typeof sdkAffectedEntitySchema>;

export const sdkEntityAggregateSchema = z.object({
  eventArn: text,
  count: z.number().int().nonnegative().nullish().catch(null).transform((value) => value ?? null),
});

/** Parses each item on its own: one odd item is dropped (and counted), never the whole page. */
export function parseEach<S extends z.ZodType>(schema: S, items: readonly unknown[] | undefined | null): { items: z.output<S>[]; dropped: number } {
  const parsed: z.output<S>[] = [];
  let dropped = 0;
  for (const item of items ?? []) {
    const result = schema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else dropped += 1;
  }
  return { items: parsed, dropped };
}
