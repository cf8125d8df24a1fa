import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Catalog } from "@/lib/server/sources/catalog/create-catalog";
import type { OutputEvents } from "@/lib/server/outputs/feeds/read-output-events";
import { isPublicMaintenance } from "@/lib/server/outputs/feeds/read-output-events";

/** Calendar clients poll; this is the hint they get (RFC 7986 REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const CALENDAR_REFRESH_SECONDS = 900;
const DEFAULT_DURATION_MS = 3600 * 1000;

interface CalendarEntry {
  uid: string;
  summary: string;
  description: string;
  url: string;
  start: number;
  end: number;
  lastModified: number;
  sequence: number;
  isCancelled: boolean;
}

/**
 * A scheduled change that AWS closes before it started did not happen: a cancellation. UIDs come from the event
 * (ARN, with its account: the same ARN in two accounts is two changes), so a client replaces what it holds.
 */
function listEntries(events: OutputEvents, baseUrl: string, catalog: Catalog): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const event of events.accountEvents) {
    if (event.category !== "scheduledChange" || event.startTime === null) continue;
    const start = Date.parse(event.startTime);
    const lastModified = Date.parse(event.lastUpdatedTime ?? event.startTime);
    const url = `${baseUrl}/events/${encodeURIComponent(event.id)}`;
    entries.push({
      uid: `account-${event.id}@healthdeck`,
      summary: `${event.eventTypeCode} (${event.service}, ${event.region ?? "global"})`,
      description: `${event.description}\n\nAccount: ${event.accountId ?? "unknown"}\nStatus: ${event.status}\n${url}`,
      url,
      start,
      end: event.endTime === null ? start + DEFAULT_DURATION_MS : Math.max(Date.parse(event.endTime), start),
      lastModified,
      sequence: event.updates.length,
      isCancelled: event.status === "closed" && lastModified < start,
    });
  }
  for (const event of events.publicEvents) {
    if (!isPublicMaintenance(event)) continue;
    const url = `${baseUrl}/?service=${encodeURIComponent(event.service)}&region=${encodeURIComponent(event.region ?? "global")}`;
    const start = event.startedAt * 1000;
    const latest = event.updates.at(-1);
    entries.push({
      uid: `public-${event.id}@healthdeck`,
      summary: `${catalog.nameOf(event.key)} (${event.region ?? "global"}): ${event.summary}`,
      description: `${latest?.message ?? event.summary}\n\n${url}`,
      url,
      start,
      end: event.endedAt === null ? start + DEFAULT_DURATION_MS : Math.max(event.endedAt * 1000, start),
      lastModified: event.lastUpdateAt * 1000,
      sequence: event.updates.length,
      isCancelled: event.resolved && event.lastUpdateAt * 1000 < start,
    });
  }
  return entries.sort((a, b) => a.start - b.start || (a.uid < b.uid ? -1 : 1));
}

/** RFC 5545 text of the scheduled changes; DTSTAMP is each entry's last change, so the same data gives the same bytes. */
export function buildCalendar(events: OutputEvents, options: { baseUrl: string; catalog: Catalog; alarmMinutes: number | null }): string {
  const calendar = ical({
    name: "Healthdeck: scheduled changes",
    description: "AWS scheduled changes of your accounts and announced public maintenance",
    prodId: { company: "Healthdeck", product: "Healthdeck", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: CALENDAR_REFRESH_SECONDS,
    url: `${options.baseUrl}/`,
  });
  for (const entry of listEntries(events, options.baseUrl, options.catalog)) {
    calendar.createEvent({
      id: entry.uid,
      start: new Date(entry.start),
      end: new Date(entry.end),
      stamp: new Date(entry.lastModified),
      lastModified: new Date(entry.lastModified),
      sequence: entry.sequence,
      status: entry.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: entry.summary,
      description: entry.description,
      url: entry.url,
      alarms: options.alarmMinutes === null || entry.isCancelled ? [] : [{ type: ICalAlarmType.display, trigger: options.alarmMinutes * 60, description: entry.summary }],
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator 10 leaves the last one bare.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
