const PACIFIC = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  weekday: "short",
  day: "2-digit",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});

/** RFC 822 in Pacific time as AWS writes pubDate: `Mon, 17 Aug 2026 21:01:19 PDT` (PST in winter). */
export function formatPacificDate(epochSeconds: number): string {
  const parts = new Map(PACIFIC.formatToParts(new Date(epochSeconds * 1000)).map((part) => [part.type, part.value]));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? "";
  return `${get("weekday")}, ${get("day")} ${get("month")} ${get("year")} ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`;
}
