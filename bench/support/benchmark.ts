import type { CleanupStack } from "@/bench/support/cleanup-stack";

/** One benchmark: prints its figures one per line; throws only when it could not measure at all. */
export interface Benchmark {
  name: string;
  summary: string;
  /** Upper bound for the whole benchmark, setup included. */
  timeLimitMs: number;
  run(cleanup: CleanupStack): Promise<void>;
}
