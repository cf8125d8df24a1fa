import type { SourceState } from "@/lib/shared/public-status-contract";

/** What the verdict needs of a stored source row (times are epoch ms). */
export interface SourceStateFacts {
  lastSuccessAt: number | null;
  lastError: string | null;
  note: string | null;
}

export interface SourceStateInput {
  /** null: the source was never attempted in this data directory */
  row: SourceStateFacts | null;
  intervalSeconds: number;
  httpTimeoutSeconds: number;
  isPollerOff: boolean;
  nowMs: number;
}

export interface SourceVerdict {
  state: SourceState;
  error: string | null;
}

/**
 * How long an ok source may go without a success: two intervals, three request timeouts (a slow cycle with
 * retries) and 5 s of scheduling slack.
 */
export function staleAfterMs(intervalSeconds: number, httpTimeoutSeconds: number): number {
  return 2 * intervalSeconds * 1000 + httpTimeoutSeconds * 3000 + 5000;
}

/**
 * ok: the last attempt succeeded recently. error: the last attempt failed (last good data kept).
 * stale: no success yet, or none for longer than staleAfterMs (a stuck or stopped poller).
 */
export function judgeSourceState(input: SourceStateInput): SourceVerdict {
  const { row, nowMs } = input;
  if (input.isPollerOff && !row) return { state: "disabled", error: "polling is off in this process (HEALTHDECK_POLLER=off)" };
  if (!row || row.lastSuccessAt === null) {
    return { state: row?.lastError ? "error" : "stale", error: row?.lastError ?? "waiting for the first successful poll" };
  }
  if (row.lastError !== null) return { state: "error", error: row.lastError };
  const age = nowMs - row.lastSuccessAt;
  if (age > staleAfterMs(input.intervalSeconds, input.httpTimeoutSeconds)) {
    return { state: "stale", error: `no successful poll for ${Math.round(age / 1000)} s` };
  }
  return { state: "ok", error: row.note };
}
