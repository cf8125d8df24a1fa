import { readFileSync, readdirSync } from "node:fs";

function readRssBytes(pid: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Resident memory of every process in a process group (`next start` and whatever it forks), from /proc. */
export function readGroupRss(groupId: number): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === groupId) total += readRssBytes(pid);
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** The median of a few readings a little apart: one reading can land just before or after a collection. */
export async function sampleGroupRss(groupId: number, samples = 5, gapMs = 400): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    readings.push(readGroupRss(groupId));
  }
  readings.sort((a, b) => a - b);
  return readings[Math.floor(readings.length / 2)] ?? 0;
}
