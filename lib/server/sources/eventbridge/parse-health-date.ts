const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// `Fri, 3 Jun 2022 05:01:10 GMT`: the weekday is optional and ignored (AWS samples carry wrong ones).
const RFC_1123 =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:\s*(gmt|utc|ut|z|[+-]\d{4}))?$/i;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses the dates of `aws.health` events (RFC 1123 style, unpadded days allowed) and ISO 8601
 * date-times (the envelope `time`). Returns epoch milliseconds, or null when the text is no date.
 */
export function parseHealthDate(text: string): number | null {
  const trimmed = text.trim();
  if (ISO_8601.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isNaN(ms) ? null : ms;
  }
  const match = RFC_1123.exec(trimmed);
  if (!match) return null;
  const [, dayText, monthText, yearText, hourText, minuteText, secondText, fractionText, zone] = match;
  const month = MONTHS.indexOf((monthText ?? "").slice(0, 3).toLowerCase());
  const day = Number(dayText);
  const year = Number(yearText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText ?? "0");
  if (month < 0 || hour > 23 || minute > 59 || second > 60) return null;
  const millis = fractionText ? Number(fractionText.padEnd(3, "0")) : 0;
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), millis);
  if (new Date(utc).getUTCDate() !== day) return null;
  return utc - parseZoneOffsetMs(zone);
}

function parseZoneOffsetMs(zone: string | undefined): number {
  if (!zone || !/^[+-]/.test(zone)) return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(3, 5));
  return sign * (hours * 60 + minutes) * 60_000;
}
