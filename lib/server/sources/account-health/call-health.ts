import type { HealthClient } from "@aws-sdk/client-health";

export type HealthOperation =
  | "DescribeEvents"
  | "DescribeEventDetails"
  | "DescribeAffectedEntities"
  | "DescribeEntityAggregates"
  | "DescribeEventsForOrganization"
  | "DescribeEventDetailsForOrganization"
  | "DescribeAffectedAccountsForOrganization"
  | "DescribeAffectedEntitiesForOrganization"
  | "DescribeHealthServiceStatusForOrganization";

/** AWS suggests about one or two Health calls in flight; the org APIs throttle harder than that. */
export const HEALTH_CALLS_IN_FLIGHT = 2;

/** What every Health call needs: the current client, the cycle's abort signal and the region check. */
export interface HealthCallContext {
  client: HealthClient;
  signal: AbortSignal;
  /** throws RegionChangedError when the active region moved since the cycle started */
  assertRegion(): Promise<void>;
  /** calls made, by operation (SDK retries inside one call are not counted) */
  calls: Map<HealthOperation, number>;
}

/** One Health call: region check first, then the SDK call bound to the cycle's abort signal. */
export async function callHealth<T>(
  context: HealthCallContext,
  operation: HealthOperation,
  send: (client: HealthClient, options: { abortSignal: AbortSignal }) => Promise<T>,
): Promise<T> {
  context.signal.throwIfAborted();
  await context.assertRegion();
  context.calls.set(operation, (context.calls.get(operation) ?? 0) + 1);
  return send(context.client, { abortSignal: context.signal });
}

/** Follows nextToken to the end; a token seen twice ends the loop (a server bug must not spin us). */
export async function paginate(fetchPage: (nextToken: string | undefined) => Promise<string | undefined>): Promise<number> {
  const seen = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  do {
    token = await fetchPage(token);
    pages += 1;
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== undefined);
  return pages;
}
