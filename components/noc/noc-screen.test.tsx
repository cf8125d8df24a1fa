import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EMPTY_LIVE_SCOPE } from "@/lib/shared/live-scope";
import type { StatusResponse } from "@/lib/shared/public-status-contract";
import type { NocSettings } from "@/lib/client/noc/noc-settings";
import { trimForWall } from "@/lib/client/noc/trim-for-wall";
import { NocConfigError } from "@/components/noc/noc-config-error";
import { NocScreen } from "@/components/noc/noc-screen";
import { loadAccountEventsFixture } from "@/tests/fixtures/ui/load-account-fixture";
import { loadStatusFixture, textOf } from "@/tests/fixtures/ui/load-status-fixture";

const SETTINGS: NocSettings = { scope: EMPTY_LIVE_SCOPE, rotateSeconds: 15, theme: "dark", distance: "room", layout: "auto", chime: false };
const SERVER_NOW = Date.parse("2026-08-18T12:30:05.000Z");

function render(status: StatusResponse, settings: NocSettings = SETTINGS): string {
  const account = { sources: [], events: loadAccountEventsFixture() };
  return renderToString(<NocScreen settings={settings} initial={trimForWall(status, account)} serverNow={SERVER_NOW} />);
}

function freshFixture(): StatusResponse {
  const fixture = loadStatusFixture();
  const recent = new Date(SERVER_NOW - 10_000).toISOString();
  return { ...fixture, sources: fixture.sources.map((source) => ({ ...source, state: "ok", error: null, lastSuccessAt: recent })) };
}

describe("NocScreen (server render)", () => {
  it("orders the wall by importance: security, services, your issues, scheduled changes", () => {
    const html = render(freshFixture());
    const at = (region: string) => html.indexOf(`data-region="${region}"`);
    expect(at("security")).toBeGreaterThan(-1);
    expect(at("security")).toBeLessThan(at("services"));
    expect(at("services")).toBeLessThan(at("issues"));
    expect(at("issues")).toBeLessThan(at("scheduled"));
    expect(textOf(html)).toContain("Risk credentials exposed");
  });

  it("shows status by icon and word as well as colour, and the clock in UTC from the server", () => {
    const html = render(freshFixture());
    expect(html).toContain('data-status-icon="disrupted"');
    expect(textOf(html)).toContain("DisruptedAmazon Elastic Compute Cloudme-central-1");
    expect(textOf(html)).toContain("12:30:05 UTC");
    expect(html).toMatch(/<div role="alert" class="noc-alert"><\/div>/);
  });

  it("fills the alert and never shows green when a source is failing", () => {
    const fixture = freshFixture();
    const failing = { ...fixture, services: fixture.services.filter((service) => service.status === "operational"), sources: loadStatusFixture().sources };
    const text = textOf(render(failing));
    expect(text).toContain("Data may be out of date");
    expect(text).toContain("AWS service catalog failing");
    expect(text).toContain("Status unknown");
    expect(text).not.toContain("in scope operational");
  });

  it("says all is well in one sentence when it is", () => {
    const fixture = freshFixture();
    const calm = { ...fixture, services: fixture.services.filter((service) => service.status === "operational") };
    expect(textOf(render(calm))).toContain("All 35 services in scope operational");
  });

  it("carries the screen's theme, distance and layout to the page", () => {
    const html = render(freshFixture(), { ...SETTINGS, theme: "light", distance: "far", layout: "portrait" });
    expect(html).toContain('data-theme="light" data-distance="far" data-layout="portrait"');
  });
});

describe("NocConfigError", () => {
  it("shows what is wrong with the link as an alert", () => {
    const html = renderToString(<NocConfigError message="rotate: must be at least 5 seconds" />);
    expect(html).toContain('role="alert"');
    expect(textOf(html)).toContain("This wall screen's address is not valid");
    expect(textOf(html)).toContain("rotate: must be at least 5 seconds");
  });
});
