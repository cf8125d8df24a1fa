import { DescribeEventsCommand, DescribeEventsForOrganizationCommand, type EventStatusCode } from "@aws-sdk/client-health";
import { callHealth, paginate, type HealthCallContext } from "@/lib/server/sources/account-health/call-health";
import { parseEach, sdkEventSchema, type SdkEvent } from "@/lib/server/sources/account-health/health-sdk-schemas";
import { HEALTH_LIMITS } from "@/lib/server/sources/account-health/plan-batches";

export type HealthView = "account" | "org";

/** Everything (initial sync over AWS's whole retention), "updated since" (incremental) or "in these statuses" (sweeps). */
export type EventListing = { kind: "all" } | { kind: "updated-since"; fromMs: number } | { kind: "statuses"; statuses: EventStatusCode[] };

const accountFilter = (listing: EventListing) =>
  listing.kind === "all" ? undefined : listing.kind === "updated-since" ? { lastUpdatedTimes: [{ from: new Date(listing.fromMs) }] } : { eventStatusCodes: listing.statuses };
const orgFilter = (listing: EventListing) =>
  listing.kind === "all" ? undefined : listing.kind === "updated-since" ? { lastUpdatedTime: { from: new Date(listing.fromMs) } } : { eventStatusCodes: listing.statuses };

/** Pages DescribeEvents(ForOrganization) to the end at 100 per page; the org filter takes a singular lastUpdatedTime. */
export async function listEventPages(
  context: HealthCallContext,
  view: HealthView,
  listing: EventListing,
  onPage: (events: SdkEvent[], dropped: number) => void,
): Promise<number> {
  const maxResults = HEALTH_LIMITS.pageSize;
  return paginate(async (nextToken) => {
    if (view === "account") {
      const filter = accountFilter(listing);
      const output = await callHealth(context, "DescribeEvents", (client, options) =>
        client.send(new DescribeEventsCommand({ filter, maxResults, nextToken }), options),
      );
      const parsed = parseEach(sdkEventSchema, output.events);
      onPage(parsed.items, parsed.dropped);
      return output.nextToken;
    }
    const filter = orgFilter(listing);
    const output = await callHealth(context, "DescribeEventsForOrganization", (client, options) =>
      client.send(new DescribeEventsForOrganizationCommand({ filter, maxResults, nextToken }), options),
    );
    const parsed = parseEach(sdkEventSchema, output.events);
    onPage(parsed.items, parsed.dropped);
    return output.nextToken;
  });
}
