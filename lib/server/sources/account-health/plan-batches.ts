/** API limits that shape every batch (DescribeEventDetails, EntityFilter.eventArns, org filters: 10; aggregates: 50). */
export const HEALTH_LIMITS = {
  pageSize: 100,
  arnsPerDetailsCall: 10,
  arnsPerEntitiesCall: 10,
  arnsPerAggregatesCall: 50,
  filtersPerOrgCall: 10,
} as const;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error("chunk size must be at least 1");
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

export interface EntityCountHint {
  arn: string;
  /** entities the event has (from DescribeEntityAggregates); null = unknown */
  count: number | null;
}

export interface EntityBatchPlan {
  batches: string[][];
  /** events known to have no entities: no call needed */
  skipped: string[];
}

/**
 * Groups events for DescribeAffectedEntities so the pages come out as full as possible: a batch costs
 * ceil(total / pageSize) calls, so only the remainders (count mod pageSize) can waste a call. The
 * remainders are bin-packed first-fit-decreasing into bins of one page and at most `maxArns` events.
 */
export function packEntityBatches(hints: readonly EntityCountHint[], maxArns: number = HEALTH_LIMITS.arnsPerEntitiesCall, pageSize: number = HEALTH_LIMITS.pageSize): EntityBatchPlan {
  const skipped: string[] = [];
  const unknown: string[] = [];
  const exact: string[] = [];
  const partial: { arn: string; remainder: number }[] = [];
  for (const hint of hints) {
    if (hint.count === null) unknown.push(hint.arn);
    else if (hint.count === 0) skipped.push(hint.arn);
    else if (hint.count % pageSize === 0) exact.push(hint.arn);
    else partial.push({ arn: hint.arn, remainder: hint.count % pageSize });
  }
  partial.sort((a, b) => b.remainder - a.remainder);
  const bins: { load: number; arns: string[] }[] = [];
  for (const item of partial) {
    const bin = bins.find((candidate) => candidate.load + item.remainder <= pageSize && candidate.arns.length < maxArns);
    if (bin) {
      bin.load += item.remainder;
      bin.arns.push(item.arn);
    } else {
      bins.push({ load: item.remainder, arns: [item.arn] });
    }
  }
  // Exact multiples waste nothing anywhere: they fill the free slots, then batches of their own.
  const rest = [...exact];
  for (const bin of bins) {
    while (bin.arns.length < maxArns && rest.length > 0) bin.arns.push(rest.shift() as string);
  }
  return {
    batches: [...bins.map((bin) => bin.arns), ...chunk(rest, maxArns), ...chunk(unknown, maxArns)],
    skipped,
  };
}
