import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountEvent, EVENT_ARN } from "@/lib/server/store/store-contract-fixtures";
import type { TestServer } from "@/tests/support/listen-test-server";
import { listenFetchHandler } from "@/tests/support/listen-fetch-handler";
import { listEvents, readICalendar, readText, type ICalComponent } from "@/tests/support/read-icalendar";
import { startPublicStack, type PublicStack } from "@/tests/support/start-public-stack";
import { INCIDENT_SCENARIO } from "@/tests/integration/public-scenario";

const RUNTIME_KEY = Symbol.for("healthdeck.runtime");
/** Off loopback for real: a mode where nobody is let in without credentials (no proxy sends an identity here). */
const SIGNED_IN_ONLY = { HEALTHDECK_AUTH: "proxy", HEALTHDECK_TRUSTED_PROXIES: "10.9.9.9", HEALTHDECK_ADMIN_GROUPS: "ops", HEALTHDECK_PUBLIC_BOARD: "private" };
const TOKEN = "calendar-test-token-0123456789";
const PUBLIC_URL = "https://health.example.com";
const OTHER_ARN = "arn:aws:health:eu-west-1::event/RDS/AWS_RDS_MAINTENANCE_SCHEDULED/AWS_RDS_MAINTENANCE_SCHEDULED_9";
const ISSUE_ARN = "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_1";
let stack: PublicStack;
let server: TestServer;

beforeAll(async () => {
  stack = await startPublicStack({ scenario: INCIDENT_SCENARIO, env: { ...SIGNED_IN_ONLY, HEALTHDECK_OUTPUTS_TOKEN: TOKEN, HEALTHDECK_PUBLIC_URL: PUBLIC_URL } });
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = stack.runtime;
  const route = await import("@/app/api/v1/calendar.ics/route");
  server = await listenFetchHandler((request) => route.GET(request));
  const now = stack.runtime.now();
  await stack.runtime.store.write((tx) =>
    tx.accountEvents.upsertEvents(
      [
        accountEvent({ startTime: now + 86_400_000, endTime: now + 90_000_000, lastUpdatedTime: now - 60_000, description: "Your instance i-1; will be retired, soon.\nPlan a stop/start." }),
        accountEvent({ arn: OTHER_ARN, service: "RDS", eventTypeCode: "AWS_RDS_MAINTENANCE_SCHEDULED", region: "eu-west-1", startTime: now + 2 * 86_400_000, lastUpdatedTime: now - 60_000, description: "RDS maintenance." }),
        accountEvent({ arn: ISSUE_ARN, category: "issue", status: "open", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", startTime: now - 60_000, lastUpdatedTime: now - 60_000 }),
      ],
      now - 60_000,
    ),
  );
});

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[RUNTIME_KEY];
  await server?.close();
  await stack?.close();
});

const read = async (query = "", headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}/api/v1/calendar.ics?token=${TOKEN}${query}`, { headers });
  return { response, text: await response.text() };
};
const byUid = (events: ICalComponent[], part: string) => events.find((event) => readText(event, "UID")?.includes(part));

describe("GET /api/v1/calendar.ics", () => {
  it("needs the feed token off loopback", async () => {
    expect((await fetch(`${server.url}/api/v1/calendar.ics`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/calendar.ics?token=wrong-token-xxxxxxxx`)).status).toBe(401);
  });

  it("lists scheduled changes (not issues) as strict RFC 5545, with refresh hints, times, text and links", async () => {
    const { response, text } = await read();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const calendar = readICalendar(text);
    expect(calendar.properties.find((property) => property.name === "REFRESH-INTERVAL")?.value).toBe("PT15M");
    expect(readText(calendar, "X-PUBLISHED-TTL")).toBe("PT15M");
    const events = listEvents(calendar);
    expect(events).toHaveLength(2);
    const ec2 = byUid(events, "account-");
    expect(readText(ec2 ?? calendar, "SUMMARY")).toBe("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED (EC2, us-east-1)");
    expect(readText(ec2 ?? calendar, "DESCRIPTION")).toContain("Your instance i-1; will be retired, soon.\nPlan a stop/start.");
    expect(readText(ec2 ?? calendar, "URL")).toMatch(new RegExp(`^${PUBLIC_URL}/events/`));
    expect(readText(ec2 ?? calendar, "STATUS")).toBe("CONFIRMED");
    const start = new Date(stack.runtime.now() + 86_400_000);
    expect(readText(ec2 ?? calendar, "DTSTART")?.slice(0, 11)).toBe(start.toISOString().replace(/[-:]/g, "").slice(0, 11));
    expect(events.every((event) => event.components.length === 0)).toBe(true);
  });

  it("an update keeps the UID and raises SEQUENCE; a change closed before its start is CANCELLED", async () => {
    const before = listEvents(readICalendar((await read()).text));
    const uid = readText(byUid(before, "account-") ?? before[0]!, "UID");
    const now = stack.runtime.now();
    await stack.runtime.store.write((tx) => tx.accountEvents.upsertEvents([accountEvent({ arn: EVENT_ARN, status: "closed", startTime: now + 86_400_000, lastUpdatedTime: now, description: "Cancelled: no retirement needed." })], now));
    const after = listEvents(readICalendar((await read()).text));
    const changed = after.find((event) => readText(event, "UID") === uid);
    expect(changed).toBeDefined();
    expect(Number(readText(changed!, "SEQUENCE"))).toBeGreaterThan(Number(readText(byUid(before, "account-")!, "SEQUENCE") ?? "0"));
    expect(readText(changed!, "STATUS")).toBe("CANCELLED");
    expect(readText(changed!, "LAST-MODIFIED")).toBe(new Date(now).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, ""));
  });

  it("filters like the board and adds VALARM reminders on request", async () => {
    const west = listEvents(readICalendar((await read("&region=eu-west-1&alarm=30")).text));
    expect(west.map((event) => readText(event, "SUMMARY"))).toEqual(["AWS_RDS_MAINTENANCE_SCHEDULED (RDS, eu-west-1)"]);
    const alarm = west[0]?.components[0];
    expect(alarm?.name).toBe("VALARM");
    expect(readText(alarm!, "TRIGGER")).toBe("-PT30M");
    expect(listEvents(readICalendar((await read("&service=ec2")).text)).map((event) => readText(event, "SUMMARY"))).toEqual(["AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED (EC2, us-east-1)"]);
    expect(listEvents(readICalendar((await read("&account=210987654321")).text))).toHaveLength(0);
    const bad = await read("&alarm=soon");
    expect(bad.response.status).toBe(400);
    expect(bad.text).toContain("alarm must be a whole number of minutes");
  });

  it("answers 304 to If-None-Match", async () => {
    const { response } = await read();
    const again = await read("", { "if-none-match": response.headers.get("etag") ?? "" });
    expect(again.response.status).toBe(304);
  });
});
