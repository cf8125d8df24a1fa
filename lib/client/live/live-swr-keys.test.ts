import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accountEventSchema } from "@/lib/shared/account-health-contract";
import { parseAccountEventsQuery } from "@/lib/shared/account-query";
import { EMPTY_LIVE_SCOPE } from "@/lib/shared/live-scope";
import { OPEN_ACCOUNT_EVENTS_KEY } from "@/lib/client/account/fetch-account";
import { buildLiveAccountKey, buildLiveStatusKey, toOpenAccountResponse } from "@/lib/client/live/live-swr-keys";

describe("SWR keys fed by the stream", () => {
  it("are the board's status key and the panels' account key for an unscoped screen", () => {
    expect(buildLiveStatusKey(EMPTY_LIVE_SCOPE)).toBe("/api/v1/status");
    expect(buildLiveStatusKey({ ...EMPTY_LIVE_SCOPE, regions: ["eu-west-1"], services: ["rds"], statuses: ["degraded"] })).toBe(
      "/api/v1/status?region=eu-west-1&service=rds&status=degraded",
    );
    expect(buildLiveAccountKey({ ...EMPTY_LIVE_SCOPE, statuses: ["disrupted"] })).toBe(OPEN_ACCOUNT_EVENTS_KEY);
  });

  it("name an account API query that asks for the same events, or none when muting has no API form", () => {
    const key = buildLiveAccountKey({ ...EMPTY_LIVE_SCOPE, regions: ["eu-west-1"], accounts: ["111122223333"], categories: ["issue"] });
    expect(key).toBe("/api/v1/account/events?status=open,upcoming&region=eu-west-1&account=111122223333&category=issue");
    const query = parseAccountEventsQuery(new URLSearchParams(key?.split("?")[1]));
    expect(query).toMatchObject({ ok: true, value: { statuses: ["open", "upcoming"], regions: ["eu-west-1"], accounts: ["111122223333"], categories: ["issue"] } });
    expect(buildLiveAccountKey({ ...EMPTY_LIVE_SCOPE, mutedTypes: ["AWS_BILLING_NOTIFICATION"] })).toBeNull();
  });

  it("hand SWR only the open and upcoming events, as the API would", () => {
    const raw: unknown = JSON.parse(readFileSync(new URL("../../../tests/fixtures/ui/account-events.json", import.meta.url), "utf8"));
    const events = z.array(accountEventSchema).parse(raw);
    const response = toOpenAccountResponse({ sources: [], events });
    expect(new Set(response.events.map((event) => event.status))).toEqual(new Set(["open", "upcoming"]));
    expect(response.events).toHaveLength(events.filter((event) => event.status === "open" || event.status === "upcoming").length);
  });
});
