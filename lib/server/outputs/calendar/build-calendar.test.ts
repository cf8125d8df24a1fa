import { describe, expect, it } from "vitest";
import { loadBundledCatalog } from "@/lib/server/sources/catalog/create-catalog";
import type { StoredPublicEvent } from "@/lib/server/store/contract/store-records";
import { buildCalendar } from "@/lib/server/outputs/calendar/build-calendar";
import { listEvents, readICalendar, readText } from "@/tests/support/read-icalendar";

const START = Date.parse("2026-12-10T02:00:00Z") / 1000;

function maintenance(overrides: Partial<StoredPublicEvent> = {}): StoredPublicEvent {
  return {
    id: "pub-1",
    arn: "arn:aws:health:eu-central-1::event/RDS/AWS_RDS_SCHEDULED_MAINTENANCE/AWS_RDS_SCHEDULED_MAINTENANCE_1",
    key: "rds-eu-central-1",
    service: "rds",
    region: "eu-central-1",
    status: "informational",
    summary: "Scheduled maintenance",
    resolved: false,
    startedAt: START,
    endedAt: START + 7200,
    lastUpdateAt: START - 86_400,
    impacted: [],
    updates: [{ key: "rds-eu-central-1", at: START - 86_400, status: "informational", resolved: false, summary: "Scheduled maintenance", message: `Ünïcödé maintenance window; ${"é".repeat(120)}`, origin: "currentevents" }],
    ...overrides,
  };
}

const build = (events: StoredPublicEvent[]) => buildCalendar({ publicEvents: events, accountEvents: [] }, { baseUrl: "https://h.example", catalog: loadBundledCatalog(), alarmMinutes: null });

describe("buildCalendar", () => {
  it("publishes announced public maintenance, folded at 75 octets even inside multi-byte text", () => {
    const issue = maintenance({ id: "pub-2", arn: "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_1" });
    const events = listEvents(readICalendar(build([maintenance(), issue])));
    expect(events).toHaveLength(1);
    expect(readText(events[0]!, "UID")).toBe("public-pub-1@healthdeck");
    expect(readText(events[0]!, "DESCRIPTION")).toContain("é".repeat(120));
    expect(readText(events[0]!, "DTEND")).toBe("20261210T040000Z");
  });

  it("marks maintenance resolved before its start as cancelled", () => {
    const events = listEvents(readICalendar(build([maintenance({ resolved: true, lastUpdateAt: START - 3600 })])));
    expect(readText(events[0]!, "STATUS")).toBe("CANCELLED");
  });
});
