import { describe, expect, it } from "vitest";
import { isSecurityEventCode } from "@/lib/shared/account-health-contract";
import { groupAccountPanels, isPlannedLifecycleEvent, readLifecycleCounts, selectOpenSecurityEvents } from "@/lib/client/account/account-panels";
import { findFixtureEvent, loadAccountEventsFixture } from "@/tests/fixtures/ui/load-account-fixture";

const events = loadAccountEventsFixture();
const codes = (list: readonly { eventTypeCode: string }[]) => list.map((event) => event.eventTypeCode);

describe("groupAccountPanels", () => {
  const panels = groupAccountPanels(events);

  it("puts open issues and investigations in Open issues, most recently updated first", () => {
    expect(codes(panels.openIssues)).toEqual(["AWS_EC2_OPERATIONAL_ISSUE", "AWS_EBS_VOLUME_ATTACHMENT_ISSUE", "AWS_RISK_CREDENTIALS_EXPOSED"]);
  });

  it("sorts scheduled changes (upcoming or open) by start, soonest first", () => {
    expect(codes(panels.scheduledChanges)).toEqual([
      "AWS_RDS_MAINTENANCE_SCHEDULED",
      "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
      "AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED",
      "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT",
    ]);
  });

  it("keeps account notifications and unknown categories or statuses in Other notifications, never closed events", () => {
    expect(codes(panels.otherNotifications).sort()).toEqual(
      ["AWS_ABUSE_DOS_REPORT", "AWS_BILLING_NOTIFICATION", "AWS_EC2_NETWORK_ISSUE", "AWS_HEALTH_PROACTIVE_ADVICE", "AWS_S3_OPERATIONAL_NOTIFICATION"].sort(),
    );
    const shown = [...panels.openIssues, ...panels.scheduledChanges, ...panels.otherNotifications];
    expect(shown.some((event) => event.status === "closed")).toBe(false);
    expect(shown).toHaveLength(events.filter((event) => event.status !== "closed").length);
  });
});

describe("security events", () => {
  it("flags exactly the codes the contract calls security", () => {
    for (const event of events) expect(event.isSecurity).toBe(isSecurityEventCode(event.eventTypeCode, event.service));
  });

  it("pins open ones only: a closed quarantine event no longer shows", () => {
    expect(codes(selectOpenSecurityEvents(events))).toEqual(["AWS_RISK_CREDENTIALS_EXPOSED", "AWS_ABUSE_DOS_REPORT"]);
  });
});

describe("planned lifecycle events", () => {
  it("recognises *_PLANNED_LIFECYCLE_EVENT codes only", () => {
    expect(isPlannedLifecycleEvent("AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT")).toBe(true);
    expect(isPlannedLifecycleEvent("AWS_EKS_PLANNED_LIFECYCLE_EVENT")).toBe(true);
    expect(isPlannedLifecycleEvent("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED")).toBe(false);
  });

  it("reads pending and resolved counts, and counts any other status apart", () => {
    expect(readLifecycleCounts(findFixtureEvent(events, "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT").entityCounts)).toEqual({ pending: 1200, resolved: 3800, other: 0, total: 5000 });
    expect(readLifecycleCounts({ total: 10, byStatus: { PENDING: 2, RESOLVED: 5, UNKNOWN: 3 } })).toEqual({ pending: 2, resolved: 5, other: 3, total: 10 });
    expect(readLifecycleCounts({ total: 0, byStatus: {} })).toEqual({ pending: 0, resolved: 0, other: 0, total: 0 });
  });
});
