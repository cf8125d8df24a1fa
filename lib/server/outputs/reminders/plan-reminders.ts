/** Offsets before a scheduled change's start: `7d`, `1d`, `1h`, `30m`. */
export const DEFAULT_REMINDER_OFFSETS = ["7d", "1d", "1h"] as const;

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const UNIT_WORD = { m: "minute", h: "hour", d: "day" } as const;

function splitOffset(offset: string): { amount: number; unit: keyof typeof UNIT_MS } {
  const match = /^(\d{1,4})([mhd])$/.exec(offset);
  if (!match?.[1] || !match[2]) throw new Error(`not a reminder offset: ${offset}`);
  return { amount: Number(match[1]), unit: match[2] as keyof typeof UNIT_MS };
}

export function parseOffsetMs(offset: string): number {
  const { amount, unit } = splitOffset(offset);
  return amount * UNIT_MS[unit];
}

/** "1 day", "7 days", "1 hour", "30 minutes" */
export function describeOffset(offset: string): string {
  const { amount, unit } = splitOffset(offset);
  return `${amount} ${UNIT_WORD[unit]}${amount === 1 ? "" : "s"}`;
}

/**
 * How late a reminder may still go out: a tenth of its offset, at least 5 minutes (7d: 16.8 h, 1d: 2.4 h, 1h: 6 min).
 * Later than that it would mislead ("starts in 7 days" two days before), so it is skipped: an event first seen two
 * days before its start gets no 7-day reminder, and a process that was down does not send stale ones on return.
 */
export function reminderGraceMs(offsetMs: number): number {
  return Math.max(5 * 60_000, offsetMs / 10);
}

/** The offsets due at `now` for a start (epoch ms): reached, within their grace, and the start still ahead. */
export function listDueOffsets(offsets: readonly string[], startsAt: number, now: number): string[] {
  if (!(now < startsAt)) return [];
  return offsets.filter((offset) => {
    const offsetMs = parseOffsetMs(offset);
    const dueAt = startsAt - offsetMs;
    return now >= dueAt && now - dueAt <= reminderGraceMs(offsetMs);
  });
}

/** "Reminder: starts in 1 day (2026-12-08 10:00 UTC)" — the words every channel uses. */
export function describeReminder(reminder: { offset: string; startsAt: string }): string {
  const when = reminder.startsAt.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");
  return `Reminder: starts in ${describeOffset(reminder.offset)} (${when})`;
}
