import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { COVERAGE_NOTE, type ExposedKeyResponse } from "@/lib/shared/exposed-key-contract";
import { ExposedKeyPanel } from "@/components/account/exposed-key/exposed-key-panel";
import { textOf } from "@/tests/fixtures/ui/load-status-fixture";

const view: ExposedKeyResponse = {
  eventId: "abcdefgh12345678",
  facts: { maskedKeyId: "****************MPLE", last4: "MPLE", userName: "ci-deploy", exposedUrl: "https://github.com/example/leak", accountId: "123456789012", foundAt: "2026-12-07T10:00:00.000Z", keySource: "metadata", respondBy: null, supportCaseHint: "AWS also opened a support case about this key." },
  settings: { lookup: "auto", actions: "none", readRoleConfigured: true, actionRoleConfigured: false },
  keyState: { status: "Active", userName: "ci-deploy", lastUsed: { at: "2026-12-07T09:00:00.000Z", service: "ec2", region: "us-west-2" }, quarantinePolicies: ["AWSCompromisedKeyQuarantineV3"], quarantineKnown: true, checkedAt: "2026-12-07T10:01:00.000Z", problems: [] },
  lookup: {
    id: "l1",
    status: "complete",
    trigger: "auto",
    requested: { hours: 24, regions: [] },
    startedAt: "2026-12-07T10:00:00.000Z",
    finishedAt: "2026-12-07T10:00:05.000Z",
    window: { start: "2026-12-06T10:00:00.000Z", end: "2026-12-07T10:00:00.000Z", hours: 24 },
    regions: [
      { region: "us-west-2", status: "complete", pages: 1, events: 1, problem: null },
      { region: "eu-west-1", status: "failed", pages: 0, events: 0, problem: { kind: "timeout", reason: "cloudtrail:LookupEvents in eu-west-1 did not finish within 60 s" } },
    ],
    groups: [{ region: "us-west-2", eventSource: "ec2.amazonaws.com", eventName: "RunInstances", sourceIp: "198.51.100.23", userAgent: "<script>alert(1)</script>", count: 1, firstAt: "2026-12-07T08:00:00.000Z", lastAt: "2026-12-07T08:00:00.000Z", errorCount: 1, errorCodes: { AccessDenied: 1 } }],
    totalEvents: 1,
    cappedAt: 10_000,
    error: null,
    coverage: COVERAGE_NOTE,
    startedBy: null,
    progress: { pages: 1, events: 1 },
  },
  actions: [],
  coverage: COVERAGE_NOTE,
  policies: { readOnlyRole: '{"Statement":[{"Action":["cloudtrail:LookupEvents"]}]}', actionRole: '{"Statement":[{"Action":["iam:UpdateAccessKey"]}]}' },
};

describe("ExposedKeyPanel (server render)", () => {
  it("shows the facts, state in words, the grouped trail as text, each region's reason, the cap and the coverage limit", () => {
    const html = renderToString(<ExposedKeyPanel initial={view} />);
    const text = textOf(html);
    expect(text).toContain("****************MPLE");
    expect(text).toContain("Active: the key still works");
    expect(text).toContain("Attached: AWSCompromisedKeyQuarantineV3 (do not remove it)");
    expect(text).toContain("eu-west-1: not read, 0 events in 0 pages (why: cloudtrail:LookupEvents in eu-west-1 did not finish within 60 s)");
    expect(text).toContain("Capped at 10000 events");
    expect(text).toContain(COVERAGE_NOTE);
    expect(text).toContain("1: AccessDenied ×1");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('<th scope="col"');
    expect(text).toContain("cloudtrail:LookupEvents");
    expect(text).toContain("iam:UpdateAccessKey");
  });

  it("shows a look-up running on any replica with who started it and its progress so far", () => {
    const lookup = view.lookup && { ...view.lookup, status: "running" as const, finishedAt: null, startedBy: "alice", progress: { pages: 3, events: 150 } };
    const text = textOf(renderToString(<ExposedKeyPanel initial={{ ...view, lookup }} />));
    expect(text).toContain("Look-up running (started by alice): 3 CloudTrail pages, 150 events so far…");
  });

  it("has no deactivate button without the setting, and one that asks for the last 4 characters with it", () => {
    const off = renderToString(<ExposedKeyPanel initial={view} />);
    expect(off).not.toContain("Deactivate key");
    expect(textOf(off)).toContain("Deactivation from Healthdeck is off");
    const on = renderToString(<ExposedKeyPanel initial={{ ...view, settings: { ...view.settings, actions: "deactivate" } }} />);
    expect(textOf(on)).toContain("Type the last 4 characters of ****************MPLE to confirm");
    expect(on).toMatch(/<button type="submit" disabled="" [^>]*>Deactivate key<\/button>/);
    const viewer = renderToString(<ExposedKeyPanel initial={{ ...view, settings: { ...view.settings, actions: "deactivate" } }} canDeactivate={false} />);
    expect(viewer).not.toContain("Deactivate key");
    expect(textOf(viewer)).toContain("Only an admin may deactivate the key from Healthdeck.");
  });
});
