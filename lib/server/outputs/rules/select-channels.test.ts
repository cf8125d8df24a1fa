import { describe, expect, it } from "vitest";
import { notifyConfigSchema, type NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";
import { readNotificationFacts, readTypeCodeFromArn, type NotificationFacts } from "@/lib/server/outputs/rules/read-notification-facts";
import { matchesGlob, matchesRule, selectChannels } from "@/lib/server/outputs/rules/select-channels";
import { rankSeverity } from "@/lib/server/outputs/rules/rank-severity";
import type { RuleConfig } from "@/lib/server/outputs/config/notify-config-schema";

const URL = "https://hooks.example/x";
const config = (rules: unknown[], security: string[] = []): NotifyConfig =>
  notifyConfigSchema.parse({
    channels: ["ops", "net", "sec", "all"].map((id) => ({ id, type: "slack", url: URL, security: security.includes(id) })),
    rules,
  });

const ec2: NotificationFacts = {
  source: "account",
  kind: "opened",
  eventId: "e1",
  service: "ec2",
  region: "eu-west-1",
  accountId: "123456789012",
  category: "issue",
  eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE",
  isSecurity: false,
  status: "open",
  severity: 3,
  isMaterial: true,
};

describe("globs", () => {
  it("match the whole code with * and ?, case-insensitively", () => {
    expect(matchesGlob("AWS_EC2_*", "AWS_EC2_OPERATIONAL_ISSUE")).toBe(true);
    expect(matchesGlob("AWS_EC2_*", "AWS_EC2")).toBe(false);
    expect(matchesGlob("AWS_VPN_*_NOTIFICATION", "AWS_VPN_SINGLE_TUNNEL_NOTIFICATION")).toBe(true);
    expect(matchesGlob("AWS_VPN_*_NOTIFICATION", "AWS_VPN_REDUNDANCY_LOSS")).toBe(false);
    expect(matchesGlob("aws_rds_?", "AWS_RDS_X")).toBe(true);
    expect(matchesGlob("AWS_RDS_?", "AWS_RDS_XY")).toBe(false);
    expect(matchesGlob("EC2", "XEC2")).toBe(false);
  });
});

describe("rules", () => {
  it("match everything when no filter is set", () => {
    expect(matchesRule({ channels: ["ops"] }, ec2)).toBe(true);
    expect(matchesRule({ channels: ["ops"] }, { ...ec2, region: null, accountId: null, category: null, eventTypeCode: null })).toBe(true);
  });

  it("AND across filters, OR within one, case-insensitive names", () => {
    const rule = { channels: ["ops"], services: ["EC2", "rds"], regions: ["eu-west-1"], kinds: ["opened" as const], sources: ["account" as const] };
    expect(matchesRule(rule, ec2)).toBe(true);
    expect(matchesRule(rule, { ...ec2, kind: "updated" })).toBe(false);
    expect(matchesRule(rule, { ...ec2, region: "us-east-1" })).toBe(false);
    expect(matchesRule(rule, { ...ec2, source: "public" })).toBe(false);
    expect(matchesRule({ channels: ["ops"], regions: ["eu-west-1"] }, { ...ec2, region: null })).toBe(false);
    expect(matchesRule({ channels: ["ops"], accounts: ["123456789012"] }, ec2)).toBe(true);
    expect(matchesRule({ channels: ["ops"], accounts: ["210987654321"] }, ec2)).toBe(false);
    expect(matchesRule({ channels: ["ops"], categories: ["scheduledChange"] }, ec2)).toBe(false);
  });

  it("include and exclude event type codes with globs; exclude wins; include needs a code", () => {
    const codes = { include: ["AWS_EC2_*", "AWS_VPN_*"], exclude: ["AWS_VPN_*_NOTIFICATION"] };
    expect(matchesRule({ channels: ["ops"], eventTypeCodes: codes }, ec2)).toBe(true);
    expect(matchesRule({ channels: ["ops"], eventTypeCodes: codes }, { ...ec2, eventTypeCode: "AWS_VPN_SINGLE_TUNNEL_NOTIFICATION" })).toBe(false);
    expect(matchesRule({ channels: ["ops"], eventTypeCodes: codes }, { ...ec2, eventTypeCode: "AWS_VPN_REDUNDANCY_LOSS" })).toBe(true);
    expect(matchesRule({ channels: ["ops"], eventTypeCodes: codes }, { ...ec2, eventTypeCode: "AWS_RDS_X" })).toBe(false);
    expect(matchesRule({ channels: ["ops"], eventTypeCodes: codes }, { ...ec2, eventTypeCode: null })).toBe(false);
    expect(matchesRule({ channels: ["ops"], eventTypeCodes: { exclude: ["AWS_VPN_*"] } }, { ...ec2, eventTypeCode: null })).toBe(true);
  });
});

describe("status and severity filters", () => {
  const publicFacts = (status: string): NotificationFacts => ({ ...ec2, source: "public", accountId: null, status, severity: rankSeverity("public", status, "issue") });
  const accountFacts = (category: string, status = "open"): NotificationFacts => ({ ...ec2, category, status, severity: rankSeverity("account", status, category) });

  it("statuses match the event's status value", () => {
    const rule = { channels: ["ops"], statuses: ["open", "upcoming"] };
    expect(matchesRule(rule, accountFacts("issue"))).toBe(true);
    expect(matchesRule(rule, accountFacts("scheduledChange", "upcoming"))).toBe(true);
    expect(matchesRule(rule, accountFacts("issue", "closed"))).toBe(false);
    expect(matchesRule({ channels: ["ops"], statuses: ["disrupted"] }, publicFacts("degraded"))).toBe(false);
    expect(matchesRule({ channels: ["ops"], statuses: ["disrupted"] }, publicFacts("disrupted"))).toBe(true);
  });

  it("minSeverity: informational < degraded < disrupted for public events, accountNotification < scheduledChange < issue for account events, one scale", () => {
    const atLeast = (minSeverity: string) => ({ channels: ["ops"], minSeverity }) as RuleConfig;
    expect(["informational", "unknown", "degraded", "disrupted"].map((status) => matchesRule(atLeast("degraded"), publicFacts(status)))).toEqual([false, true, true, true]);
    expect(["informational", "degraded", "disrupted"].map((status) => matchesRule(atLeast("disrupted"), publicFacts(status)))).toEqual([false, false, true]);
    expect(["accountNotification", "scheduledChange", "issue", "investigation", "someNewCategory"].map((category) => matchesRule(atLeast("scheduledChange"), accountFacts(category)))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(matchesRule(atLeast("issue"), accountFacts("scheduledChange"))).toBe(false);
    expect(matchesRule(atLeast("informational"), accountFacts("accountNotification"))).toBe(true);
    expect(matchesRule(atLeast("degraded"), accountFacts("scheduledChange"))).toBe(true);
  });

  it("never mute a security event", () => {
    const risk = { ...accountFacts("accountNotification", "closed"), isSecurity: true };
    expect(matchesRule({ channels: ["ops"], statuses: ["open"], minSeverity: "issue" }, risk)).toBe(true);
  });

  it("judge a public resolution by the status the event had while open, so the resolution follows the opening", () => {
    const scope = { region: "us-east-1", service: "ec2", accountId: null, category: null };
    const resolved = readNotificationFacts({ kind: "public.event.resolved", subject: { eventId: "p" }, summary: { statusBefore: "disrupted", status: "operational" }, scope });
    expect(resolved).toMatchObject({ status: "disrupted", severity: 3 });
    expect(matchesRule({ channels: ["ops"], minSeverity: "disrupted", statuses: ["disrupted"] }, resolved as NotificationFacts)).toBe(true);
  });
});

describe("choosing channels", () => {
  it("sends once per channel when several rules match, in the file's channel order", () => {
    const chosen = selectChannels(config([{ channels: ["net", "ops"] }, { channels: ["ops"], services: ["ec2"] }, { channels: ["all"], services: ["rds"] }]), ec2);
    expect(chosen).toEqual(["ops", "net"]);
  });

  it("sends nothing when no rule matches", () => {
    expect(selectChannels(config([{ channels: ["ops"], services: ["rds"] }]), ec2)).toEqual([]);
  });

  it("sends a security event to every security channel, even muted by every rule", () => {
    const muted = config([{ channels: ["ops"], eventTypeCodes: { exclude: ["AWS_RISK_*"] } }, { channels: ["sec"], kinds: ["resolved"] }], ["sec", "all"]);
    const risk = { ...ec2, eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED", service: "risk", isSecurity: true };
    expect(selectChannels(muted, risk)).toEqual(["sec", "all"]);
    expect(selectChannels(muted, { ...risk, isSecurity: false })).toEqual([]);
  });
});

describe("facts from journal entries", () => {
  const scope = { region: "eu-west-1", service: "ec2", accountId: "123456789012", category: "issue" };
  it("maps event kinds to opened, updated and resolved; a closed account event is resolved", () => {
    const kind = (journalKind: string) =>
      readNotificationFacts({ kind: journalKind as never, subject: { eventId: "e" }, summary: { eventTypeCode: "AWS_EC2_X" }, scope })?.kind ?? null;
    expect(["public.event.opened", "public.event.updated", "public.event.reopened", "public.event.resolved"].map(kind)).toEqual(["opened", "updated", "updated", "resolved"]);
    expect(["account.event.opened", "account.event.updated", "account.event.entities", "account.event.closed"].map(kind)).toEqual(["opened", "updated", "updated", "resolved"]);
    expect(["public.service.status", "source.state"].map(kind)).toEqual([null, null]);
  });

  it("knows a security event by its code and a public event's code by its ARN", () => {
    const risk = readNotificationFacts({ kind: "account.event.opened", subject: { eventId: "e" }, summary: { eventTypeCode: "AWS_RISK_CREDENTIALS_EXPOSED" }, scope });
    expect(risk?.isSecurity).toBe(true);
    expect(readTypeCodeFromArn("arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_ABC_123")).toBe("AWS_EC2_OPERATIONAL_ISSUE");
    const publicFacts = readNotificationFacts({
      kind: "public.event.opened",
      subject: { eventId: "p", arn: "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_ABC_123" },
      summary: {},
      scope: { region: "us-east-1", service: "ec2", accountId: null, category: null },
    });
    expect(publicFacts).toMatchObject({ source: "public", category: "issue", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", isSecurity: false });
  });

  it("sends only material updates: status, description, resources, when it starts or ends; not a lastUpdatedTime alone", () => {
    const facts = (kind: string, changedFields: string | undefined) =>
      readNotificationFacts({ kind: kind as never, subject: { eventId: "e" }, summary: { eventTypeCode: "AWS_EC2_X", status: "open", ...(changedFields === undefined ? {} : { changedFields }) }, scope })?.isMaterial;
    expect(facts("account.event.updated", "lastUpdatedTime")).toBe(false);
    expect(facts("account.event.updated", "lastUpdatedTime,availabilityZone")).toBe(false);
    expect(facts("account.event.updated", "description,lastUpdatedTime")).toBe(true);
    expect(facts("account.event.updated", "status")).toBe(true);
    expect(facts("account.event.updated", "startTime")).toBe(true);
    expect(facts("account.event.entities", undefined)).toBe(true);
    const entities = (countsChanged: boolean) =>
      readNotificationFacts({ kind: "account.event.entities", subject: { eventId: "e" }, summary: { total: 3, totalBefore: 3, changed: 1, countsChanged }, scope })?.isMaterial;
    expect(entities(true)).toBe(true);
    expect(entities(false)).toBe(false);
    expect(facts("public.event.updated", "lastUpdateAt,endedAt")).toBe(false);
    expect(facts("public.event.updated", "updates,lastUpdateAt")).toBe(true);
    expect(facts("public.event.updated", "impacted")).toBe(true);
    expect(facts("public.event.updated", undefined)).toBe(true);
  });
});
