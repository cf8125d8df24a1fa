import { DescribeAffectedEntitiesCommand } from "@aws-sdk/client-health";
import { callHealth, paginate, type HealthCallContext } from "@/lib/server/sources/account-health/call-health";
import { parseEach, sdkAffectedEntitySchema, type SdkAffectedEntity } from "@/lib/server/sources/account-health/health-sdk-schemas";
import { HEALTH_LIMITS } from "@/lib/server/sources/account-health/plan-batches";

/**
 * DescribeAffectedEntities for ≤10 events, paged at 100 to the end. `updatedSinceMs` narrows a refresh
 * of events synced before to the entities that changed since.
 */
export async function fetchAffectedEntities(
  context: HealthCallContext,
  eventArns: readonly string[],
  updatedSinceMs: number | null,
  onPage: (entities: SdkAffectedEntity[], dropped: number) => void,
): Promise<number> {
  if (eventArns.length === 0 || eventArns.length > HEALTH_LIMITS.arnsPerEntitiesCall) throw new Error(`DescribeAffectedEntities takes 1 to 10 ARNs, not ${eventArns.length}`);
  const filter = {
    eventArns: [...eventArns],
    ...(updatedSinceMs === null ? {} : { lastUpdatedTimes: [{ from: new Date(updatedSinceMs) }] }),
  };
  return paginate(async (nextToken) => {
    const output = await callHealth(context, "DescribeAffectedEntities", (client, options) =>
      client.send(new DescribeAffectedEntitiesCommand({ filter, maxResults: HEALTH_LIMITS.pageSize, nextToken }), options),
    );
    const parsed = parseEach(sdkAffectedEntitySchema, output.entities);
    onPage(parsed.items, parsed.dropped);
    return output.nextToken;
  });
}
