/** Formatting of benchmark figures: one line per figure, `name: key=value … goal …: met|missed`. */

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(2)}MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)}KB`;
  return `${Math.round(bytes)}B`;
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${Math.round(ms)}ms` : `${ms.toFixed(1)}ms`;
}

export interface Goal {
  /** e.g. "p99 ≤ 50 ms" */
  text: string;
  met: boolean;
}

export function formatGoal(goal: Goal): string {
  return `goal ${goal.text}: ${goal.met ? "met" : "MISSED"}`;
}

export type FigureValue = string | number | boolean;

/** Prints `name: k=v k=v  goal …: met` on one line and returns it. */
export function printFigure(name: string, fields: Record<string, FigureValue>, goal?: Goal): string {
  const parts = Object.entries(fields).map(([key, value]) => `${key}=${String(value)}`);
  const line = `${name}: ${parts.join(" ")}${goal ? `  ${formatGoal(goal)}` : ""}`;
  console.log(line);
  return line;
}

/** A line of context (setup, notes) that is not itself a figure. */
export function printNote(name: string, text: string): void {
  console.log(`${name}: ${text}`);
}
