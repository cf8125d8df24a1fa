import { describe, expect, it } from "vitest";
import { isKeyFedLive, markKeysFedLive } from "@/lib/client/live/live-swr-feeds";

describe("keys fed by a live stream", () => {
  it("stay fed while any stream feeds them, and stop when the last one lets go", () => {
    const first = markKeysFedLive(["/api/v1/status", "/api/v1/account/events?status=open,upcoming"]);
    const second = markKeysFedLive(["/api/v1/status"]);
    expect(isKeyFedLive("/api/v1/status")).toBe(true);
    first();
    expect(isKeyFedLive("/api/v1/status")).toBe(true);
    expect(isKeyFedLive("/api/v1/account/events?status=open,upcoming")).toBe(false);
    second();
    expect(isKeyFedLive("/api/v1/status")).toBe(false);
  });

  it("ignore a second release of the same mark", () => {
    const first = markKeysFedLive(["/api/v1/status?region=eu-west-1"]);
    const second = markKeysFedLive(["/api/v1/status?region=eu-west-1"]);
    first();
    first();
    expect(isKeyFedLive("/api/v1/status?region=eu-west-1")).toBe(true);
    second();
    expect(isKeyFedLive("/api/v1/status?region=eu-west-1")).toBe(false);
  });
});
