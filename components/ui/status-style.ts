import type { HealthStatus } from "@/lib/shared/health-status";

interface StatusStyle {
  label: string;
  /** cell text; operational is the only abbreviation, because it is the common case */
  short: string;
  description: string;
  /** text colour of icon and word, AA on the page and on `tint` in both themes */
  text: string;
  /** background and border of a badge or a problem cell */
  tint: string;
}

export const STATUS_STYLES: Record<HealthStatus, StatusStyle> = {
  operational: {
    label: "Operational",
    short: "OK",
    description: "Working normally",
    text: "text-emerald-800 dark:text-emerald-300",
    tint: "bg-emerald-50 border-emerald-300 dark:bg-emerald-950/60 dark:border-emerald-800",
  },
  informational: {
    label: "Informational",
    short: "Info",
    description: "A notice from AWS; no impact reported",
    text: "text-sky-800 dark:text-sky-300",
    tint: "bg-sky-50 border-sky-300 dark:bg-sky-950/60 dark:border-sky-800",
  },
  degraded: {
    label: "Degraded",
    short: "Degraded",
    description: "Performance issues or partial impact",
    text: "text-amber-800 dark:text-amber-300",
    tint: "bg-amber-50 border-amber-400 dark:bg-amber-950/60 dark:border-amber-700",
  },
  disrupted: {
    label: "Disrupted",
    short: "Disrupted",
    description: "Service disruption",
    text: "text-red-800 dark:text-red-300",
    tint: "bg-red-50 border-red-400 dark:bg-red-950/60 dark:border-red-700",
  },
  unknown: {
    label: "Unknown",
    short: "Unknown",
    description: "No reliable data; never assume it is working",
    text: "text-violet-800 dark:text-violet-300",
    tint: "bg-violet-50 border-violet-300 dark:bg-violet-950/60 dark:border-violet-700",
  },
};

export function describeStatus(status: HealthStatus): string {
  return STATUS_STYLES[status].label.toLowerCase();
}
