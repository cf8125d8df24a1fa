import type { HealthStatus } from "@/lib/shared/health-status";
import { STATUS_STYLES } from "@/components/ui/status-style";
import { compareText } from "@/lib/shared/compare-services";

export interface AccountLook {
  label: string;
  /** shape of the icon (the board's status shapes), so colour is never the only cue */
  icon: HealthStatus;
  text: string;
  tint: string;
}

const look = (label: string, icon: HealthStatus): AccountLook => ({ label, icon, text: STATUS_STYLES[icon].text, tint: STATUS_STYLES[icon].tint });

const CLOSED_LOOK: AccountLook = {
  label: "Closed",
  icon: "operational",
  text: "text-gray-700 dark:text-gray-300",
  tint: "bg-gray-100 border-gray-300 dark:bg-gray-800 dark:border-gray-600",
};

const EVENT_STATUS_LOOKS: Record<string, AccountLook> = {
  open: look("Open", "degraded"),
  upcoming: look("Upcoming", "informational"),
  closed: CLOSED_LOOK,
};

/** Event status word and shape; an unknown status keeps its own word, with the "unknown" shape. */
export function lookUpEventStatus(status: string): AccountLook {
  return EVENT_STATUS_LOOKS[status] ?? look(status === "" ? "Unknown" : status, "unknown");
}

const ENTITY_STATUS_LOOKS: Record<string, AccountLook> = {
  IMPAIRED: look("Impaired", "disrupted"),
  PENDING: look("Pending", "degraded"),
  UNKNOWN: look("Unknown", "unknown"),
  UNIMPAIRED: look("Unimpaired", "operational"),
  RESOLVED: look("Resolved", "operational"),
};

export function lookUpEntityStatus(status: string): AccountLook {
  return ENTITY_STATUS_LOOKS[status.toUpperCase()] ?? look(status === "" ? "Unknown" : status, "unknown");
}

/** Worst first, for status chips and counts. */
export const ENTITY_STATUS_ORDER = ["IMPAIRED", "PENDING", "UNKNOWN", "UNIMPAIRED", "RESOLVED"];

export function compareEntityStatuses(a: string, b: string): number {
  const rank = (status: string) => {
    const index = ENTITY_STATUS_ORDER.indexOf(status);
    return index === -1 ? ENTITY_STATUS_ORDER.length : index;
  };
  return rank(a) - rank(b) || compareText(a, b);
}
