/** Time formatting for the UI. UTC output is deterministic, so the server and the browser render the same text. */

const pad = (value: number) => String(value).padStart(2, "0");

export function parseInstant(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** `2026-08-18 12:20 UTC` */
export function formatUtc(iso: string): string {
  const ms = parseInstant(iso);
  if (ms === null) return iso;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

export interface LocalTimeOptions {
  /** IANA zone; the viewer's zone when omitted. */
  timeZone?: string;
  /** BCP 47 locale for the zone name; the viewer's locale when omitted. */
  locale?: string;
}

/**
 * The viewer's local time with its zone name (`14:20 CEST`), prefixed with the local date when it differs from the
 * UTC date. Null when the zone is UTC itself, because the UTC text already says it.
 */
export function formatLocal(iso: string, options: LocalTimeOptions = {}): string | null {
  const ms = parseInstant(iso);
  if (ms === null) return null;
  if (isViewerOnUtc(ms, options.timeZone)) return null;
  const parts = new Map(localFormatter(options).formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  const zone = parts.get("timeZoneName") ?? "";
  if (zone === "UTC" || zone === "GMT" || zone === "Coordinated Universal Time") return null;
  const date = `${parts.get("year")}-${parts.get("month")}-${parts.get("day")}`;
  const time = `${parts.get("hour")}:${parts.get("minute")}`;
  const utcDate = formatUtc(iso).slice(0, 10);
  return date === utcDate ? `${time} ${zone}` : `${date} ${time} ${zone}`;
}

/**
 * Whether the viewer's own zone (no `timeZone` given) is UTC at that instant: answered without Intl, whose first
 * DateTimeFormat loads ICU data, tens of milliseconds of a slow phone's hydration, to say what UTC text already says.
 */
export function isViewerOnUtc(ms: number, timeZone: string | undefined): boolean {
  return timeZone === undefined && new Date(ms).getTimezoneOffset() === 0;
}

// Building a DateTimeFormat is costly and a page shows hundreds of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function localFormatter(options: LocalTimeOptions): Intl.DateTimeFormat {
  const cacheKey = `${options.locale ?? ""}|${options.timeZone ?? ""}`;
  const cached = formatters.get(cacheKey);
  if (cached !== undefined) return cached;
  const formatter = new Intl.DateTimeFormat(options.locale, {
    timeZone: options.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
    numberingSystem: "latn",
  });
  formatters.set(cacheKey, formatter);
  return formatter;
}

/** `just now`, `12 s ago`, `14 min ago`, `3 h ago`, `2 d ago`. */
export function formatAgo(elapsedMs: number): string {
  const seconds = Math.floor(elapsedMs / 1000);
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** `45 s`, `12 min`, `2 h 15 min`, `3 d 4 h`. */
export function formatDuration(durationMs: number): string {
  const seconds = Math.max(0, Math.floor(durationMs / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** Duration between two ISO instants, or null when either is missing or unparsable. */
export function formatSpan(fromIso: string, toIso: string | null): string | null {
  if (toIso === null) return null;
  const from = parseInstant(fromIso);
  const to = parseInstant(toIso);
  return from === null || to === null ? null : formatDuration(to - from);
}
