import type { HealthStatus } from "@/lib/shared/health-status";

export interface RssTitleStatus {
  status: HealthStatus;
  resolved: boolean;
  /** the text before the first `:` when it looks like a label (known or not), else null */
  prefix: string | null;
  /** the title without its prefix and without `[RESOLVED]`/`[解決済]` markers, trimmed */
  headline: string;
  /** false when a prefix was found but is not one AWS is known to use (status is then `degraded`) */
  isKnownPrefix: boolean;
}

export interface MapRssTitleOptions {
  /** called with the raw prefix whenever an unknown prefix is met; wrap with createWarnOnce to log once */
  onUnknownPrefix?: (prefix: string) => void;
}

const KNOWN_PREFIXES: ReadonlyMap<string, HealthStatus> = new Map([
  ["service is operating normally", "operational"],
  ["service disruption", "disrupted"],
  ["service degradation", "degraded"],
  ["performance issues", "degraded"],
  ["service impact", "degraded"],
  ["informational message", "informational"],
]);

const RESOLVED_MARKER = /\[\s*(?:resolved|解決済)\s*\]\s*/giu;
const HAS_RESOLVED_MARKER = /\[\s*(?:resolved|解決済)\s*\]/iu;
// A label is short prose: letters and spaces only. "Error: 503s on EC2" style headlines without a
// prefix are rare; a digit, bracket or pipe before the colon means it is not a label.
const PREFIX_PATTERN = /^\s*([\p{L}][\p{L} '-]{0,58}?)\s*:\s*/u;

function stripResolvedMarkers(text: string): string {
  return text.replace(RESOLVED_MARKER, "").replace(/[ \t]{2,}/g, " ").trim();
}

/** Maps an RSS item title to a status (reference §3): resolution first, then the prefix. */
export function mapRssTitle(title: string, options: MapRssTitleOptions = {}): RssTitleStatus {
  const text = title.replace(/\u00a0/g, " ").trim();
  const match = PREFIX_PATTERN.exec(text);
  const prefix = match?.[1] ?? null;
  const rest = match ? text.slice(match[0].length) : text;
  const headline = stripResolvedMarkers(rest);
  const known = prefix === null ? undefined : KNOWN_PREFIXES.get(prefix.toLowerCase().replace(/\s+/g, " "));
  const isKnownPrefix = prefix === null || known !== undefined;
  if (prefix !== null && known === undefined) options.onUnknownPrefix?.(prefix);

  const resolved = HAS_RESOLVED_MARKER.test(text) || known === "operational";
  if (resolved) return { status: "operational", resolved, prefix, headline, isKnownPrefix };
  if (known !== undefined) return { status: known, resolved, prefix, headline, isKnownPrefix };
  // An unseen prefix is never green; a title with no prefix at all tells us nothing.
  const status: HealthStatus = prefix === null ? "unknown" : "degraded";
  return { status, resolved, prefix, headline, isKnownPrefix };
}

/** Maps a currentevents level (`status`, `current`, `max`, `event_log[].status`): "0"/0..3, else unknown. */
export function mapJsonLevel(level: unknown): HealthStatus {
  const text = typeof level === "number" ? String(level) : typeof level === "string" ? level.trim() : null;
  switch (text) {
    case "0":
      return "operational";
    case "1":
    case "2":
      return "degraded";
    case "3":
      return "disrupted";
    default:
      return "unknown";
  }
}

/** Wraps a warn callback so each distinct unknown prefix is reported once per wrapper. */
export function createWarnOnce(warn: (message: string) => void): (prefix: string) => void {
  const seen = new Set<string>();
  return (prefix) => {
    const normalised = prefix.toLowerCase();
    if (seen.has(normalised)) return;
    seen.add(normalised);
    warn(`public-status: unknown RSS title prefix "${prefix}" mapped to degraded`);
  };
}
