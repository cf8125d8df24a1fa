/** Calls as the fake saw them: every attempt counts, including throttled and failed ones. */
export interface HealthApiStats {
  total: number;
  /** Attempts per operation (a retried call counts once per attempt). */
  byOperation: Record<string, number>;
  /** Attempts per operation that were answered HTTP 200. */
  succeededByOperation: Record<string, number>;
  /** Error answers by error name (ThrottlingException, InvalidPaginationToken, …). */
  errorsByName: Record<string, number>;
}

export interface HealthStatsRecorder {
  countCall(operation: string): void;
  countSuccess(operation: string): void;
  countError(name: string): void;
  snapshot(): HealthApiStats;
  reset(): void;
}

export function createHealthStatsRecorder(): HealthStatsRecorder {
  let stats = empty();
  const bump = (record: Record<string, number>, key: string) => {
    record[key] = (record[key] ?? 0) + 1;
  };
  return {
    countCall(operation) {
      stats.total += 1;
      bump(stats.byOperation, operation);
    },
    countSuccess: (operation) => bump(stats.succeededByOperation, operation),
    countError: (name) => bump(stats.errorsByName, name),
    snapshot: () => ({
      total: stats.total,
      byOperation: { ...stats.byOperation },
      succeededByOperation: { ...stats.succeededByOperation },
      errorsByName: { ...stats.errorsByName },
    }),
    reset() {
      stats = empty();
    },
  };
}

function empty(): HealthApiStats {
  return { total: 0, byOperation: {}, succeededByOperation: {}, errorsByName: {} };
}
