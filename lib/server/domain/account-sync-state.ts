import { z } from "zod";

/** What the poller last stored of one event; "complete" means details and entities were both fetched. */
export interface EventSyncStamp {
  lastUpdatedTime: number | null;
  status: string;
  isComplete: boolean;
}

export interface TargetSyncState {
  /** start (epoch ms) of the last cycle that finished; null before the initial sync */
  cursorMs: number | null;
  lastSweepAt: number | null;
}

/** A source-wide state that a retry will not fix soon; shown instead of ok/error/stale. */
export const accountSourceConditionSchema = z.object({
  state: z.enum(["unavailable", "disabled"]),
  reason: z.string(),
  since: z.number(),
  retryAt: z.number(),
});
export type AccountSourceCondition = z.infer<typeof accountSourceConditionSchema>;
