import { isViewerOnUtc } from "@/lib/client/format-time";

const pad = (value: number) => String(value).padStart(2, "0");
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export interface ClockFace {
  time: string;
  date: string;
  /** zone abbreviation, e.g. `UTC`, `CET`, `GMT+5:30` */
  zone: string;
}

/** `12:34:56`, `Fri 27 Nov 2026`, `UTC`: deterministic, so server and browser agree. */
export function formatUtcClock(ms: number): ClockFace {
  const d = new Date(ms);
  return {
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    date: `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
    zone: "UTC",
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The local wall time, or null when the local zone is UTC (the UTC clock already shows it). */
export function formatLocalClock(ms: number, timeZone?: string): ClockFace | null {
  if (isViewerOnUtc(ms, timeZone)) return null;
  const parts = new Map(localFormatter(timeZone).formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  const zone = parts.get("timeZoneName") ?? "";
  if (zone === "UTC" || zone === "GMT" || zone === "") return null;
  return {
    time: `${parts.get("hour")}:${parts.get("minute")}:${parts.get("second")}`,
    date: `${parts.get("weekday")} ${parts.get("day")} ${parts.get("month")} ${parts.get("year")}`,
    zone,
  };
}

/** `12:20 UTC` for today's instants, `25 Nov 12:20 UTC` otherwise. */
export function formatShortUtc(iso: string, nowMs: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  const sameDay = new Date(nowMs).toISOString().slice(0, 10) === d.toISOString().slice(0, 10);
  return sameDay ? time : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${time}`;
}
