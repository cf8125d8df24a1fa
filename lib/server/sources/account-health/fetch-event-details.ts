import { DescribeEventDetailsCommand, DescribeEntityAggregatesCommand } from "@aws-sdk/client-health";
import { callHealth, type HealthCallContext } from "@/lib/server/sources/account-health/call-health";
import {
  parseEach,
  sdkEntityAggregateSchema,
  sdkEventDetailsSchema,
  sdkFailedItemSchema,
  type SdkEventDetails,
  type SdkFailedItem,
} from "@/lib/server/sources/account-health/health-sdk-schemas";
import { HEALTH_LIMITS } from "@/lib/server/sources/account-health/plan-batches";

export interface EventDetailsBatch {
  details: Map<string, SdkEventDetails>;
  failed: SdkFailedItem[];
  dropped: number;
}

/** One DescribeEventDetails call for at most 10 ARNs; failedSet items are returned, not thrown. */
export async function fetchEventDetails(context: HealthCallContext, eventArns: readonly string[]): Promise<EventDetailsBatch> {
  if (eventArns.length === 0 || eventArns.length > HEALTH_LIMITS.arnsPerDetailsCall) throw new Error(`DescribeEventDetails takes 1 to 10 ARNs, not ${eventArns.length}`);
  const output = await callHealth(context, "DescribeEventDetails", (client, options) =>
    client.send(new DescribeEventDetailsCommand({ eventArns: [...eventArns] }), options),
  );
  const successful = parseEach(sdkEventDetailsSchema, output.successfulSet);
  const failed = parseEach(sdkFailedItemSchema, output.failedSet);
  const details = new Map<string, SdkEventDetails>();
  let dropped = successful.dropped + failed.dropped;
  for (const item of successful.items) {
    const arn = item.event?.arn;
    if (arn) details.set(arn, item);
    else dropped += 1;
  }
  return { details, failed: failed.items, dropped };
}

/** Entity counts per event ARN, ≤50 ARNs per call; an ARN missing from the answer stays unknown. */
export async function fetchEntityCounts(context: HealthCallContext, eventArns: readonly string[]): Promise<Map<string, number>> {
  if (eventArns.length === 0 || eventArns.length > HEALTH_LIMITS.arnsPerAggregatesCall) throw new Error(`DescribeEntityAggregates takes 1 to 50 ARNs, not ${eventArns.length}`);
  const output = await callHealth(context, "DescribeEntityAggregates", (client, options) =>
    client.send(new DescribeEntityAggregatesCommand({ eventArns: [...eventArns] }), options),
  );
  const counts = new Map<string, number>();
  for (const item of parseEach(sdkEntityAggregateSchema, output.entityAggregates).items) {
    if (item.eventArn && item.count !== null) counts.set(item.eventArn, item.count);
  }
  return counts;
}
