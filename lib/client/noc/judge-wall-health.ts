import type { SourceHealth } from "@/lib/shared/public-status-contract";
import { formatAgo, formatUtc, parseInstant } from "@/lib/client/format-time";
import { isProblemState, judgeSource } from "@/lib/client/source-freshness";

export type WallConnection = "connecting" | "live" | "reconnecting" | "offline";

export interface WallWarning {
  kind: "disconnected" | "silent" | "source";
  /** stable per cause, for React keys */
  id: string;
  headline: string;
  detail: string;
}

export interface WallHealthInput {
  connection: WallConnection;
  /** the connection has not been live for longer than its grace period (see graceFor) */
  isDisconnectSustained: boolean;
  /** last message of any kind from the server, heartbeats included (epoch ms) */
  lastMessageAt: number | null;
  sources: readonly SourceHealth[];
  now: number;
}

/** A reconnect that succeeds within this long is not worth a red bar on the wall. */
export const DISCONNECT_GRACE_MS = 4000;
/** The first connection gets longer: the page has just been drawn with fresh data from the server. */
export const CONNECT_GRACE_MS = 10_000;
/** The stream sends a heartbeat every ~20 s; this much silence means a half-open connection (sleep, NAT). */
export const SILENCE_LIMIT_MS = 75_000;

function describeLastUpdate(lastMessageAt: number | null, now: number): string {
  if (lastMessageAt === null) return "no update received yet";
  return `last update ${formatUtc(new Date(lastMessageAt).toISOString())} (${formatAgo(now - lastMessageAt)})`;
}

function describeSource(source: SourceHealth, state: string, now: number): WallWarning {
  const lastSuccess = source.lastSuccessAt === null ? null : parseInstant(source.lastSuccessAt);
  const when = lastSuccess === null ? "never updated successfully" : `last good data ${formatUtc(source.lastSuccessAt ?? "")} (${formatAgo(now - lastSuccess)})`;
  const why = source.error === null ? "" : ` — ${source.error}`;
  const word = state === "error" ? "failing" : state === "unavailable" ? "unavailable" : "stale";
  return { kind: "source", id: `source:${source.id}`, headline: `${source.label} ${word}`, detail: `${when}${why}` };
}

/** Everything that makes the wall's picture untrustworthy right now; empty when the data is live and fresh. */
export function judgeWallHealth(input: WallHealthInput): WallWarning[] {
  const { connection, lastMessageAt, now } = input;
  const warnings: WallWarning[] = [];
  if (connection !== "live" && input.isDisconnectSustained) {
    warnings.push({
      kind: "disconnected",
      id: "connection",
      headline: connection === "connecting" ? "Not connected to the Healthdeck server" : "Disconnected from the Healthdeck server",
      detail: `reconnecting by itself; ${describeLastUpdate(lastMessageAt, now)}`,
    });
  } else if (connection === "live" && lastMessageAt !== null && now - lastMessageAt > SILENCE_LIMIT_MS) {
    warnings.push({ kind: "silent", id: "silence", headline: "No word from the Healthdeck server", detail: describeLastUpdate(lastMessageAt, now) });
  }
  for (const source of input.sources) {
    const state = judgeSource(source, now);
    if (isProblemState(state)) warnings.push(describeSource(source, state, now));
  }
  return warnings;
}

export function graceFor(connection: WallConnection): number {
  return connection === "connecting" ? CONNECT_GRACE_MS : DISCONNECT_GRACE_MS;
}
