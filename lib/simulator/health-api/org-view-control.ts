import { HealthApiError } from "@/lib/simulator/health-api/health-api-errors";

export const ORG_VIEW_STATUSES = ["ENABLED", "DISABLED", "PENDING"] as const;
export type OrgViewStatus = (typeof ORG_VIEW_STATUSES)[number];

/** How PENDING becomes ENABLED: after this many ms, or at the next scenario step ("step"). */
export type OrgEnableDelay = number | "step";

export interface OrgViewControl {
  status(): OrgViewStatus;
  /** EnableHealthServiceAccessForOrganization: DISABLED → PENDING; during PENDING a ConcurrentModificationException. */
  enable(): void;
  /** DisableHealthServiceAccessForOrganization: → DISABLED; during PENDING a ConcurrentModificationException. */
  disable(): void;
  /** Forces a status (tests, the control route); PENDING restarts the delay. */
  set(status: OrgViewStatus): void;
  /** PENDING → ENABLED now (called on scenario steps when the delay is "step"). */
  completePending(): void;
  enableDelay: OrgEnableDelay;
}

export function createOrgViewControl(options: { initial?: OrgViewStatus; enableDelay?: OrgEnableDelay; now: () => number }): OrgViewControl {
  const enableDelay = options.enableDelay ?? 2_000;
  let status: OrgViewStatus = options.initial ?? "ENABLED";
  let pendingSinceMs = options.now();

  const current = (): OrgViewStatus => {
    if (status === "PENDING" && enableDelay !== "step" && options.now() - pendingSinceMs >= enableDelay) status = "ENABLED";
    return status;
  };
  const concurrent = () =>
    new HealthApiError("ConcurrentModificationException", "EnableHealthServiceAccessForOrganization is already in progress. Wait for the action to complete before trying again.");
  const set = (next: OrgViewStatus) => {
    status = next;
    if (next === "PENDING") pendingSinceMs = options.now();
  };

  return {
    enableDelay,
    status: current,
    set,
    enable() {
      const now = current();
      if (now === "PENDING") throw concurrent();
      if (now === "DISABLED") set("PENDING");
    },
    disable() {
      if (current() === "PENDING") throw concurrent();
      set("DISABLED");
    },
    completePending() {
      if (status === "PENDING") status = "ENABLED";
    },
  };
}
