import type { ChannelConfig, RuleConfig } from "@/lib/server/outputs/config/notify-config-schema";

const SOURCE_WORDS: Record<string, string> = { public: "public AWS events", account: "your accounts' events" };
const CATEGORY_WORDS: Record<string, string> = { issue: "issues", accountNotification: "account notifications", scheduledChange: "scheduled changes", investigation: "investigations" };
const KNOWN = new Set(["channels", "sources", "categories", "services", "regions", "accounts", "eventTypeCodes", "kinds", "reminders"]);

const or = (values: readonly string[]) => (values.length <= 1 ? (values[0] ?? "") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`);

/** Any value of a filter this page does not know yet (a newer build's), shown as it is written. */
const plain = (value: unknown): string => (Array.isArray(value) ? or(value.map(plain)) : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value));

/** A rule in words: "Public AWS events … of ec2 in eu-west-1 … go to ops". */
export function describeRule(rule: RuleConfig): string {
  const what = rule.sources ? or(rule.sources.map((source) => SOURCE_WORDS[source] ?? source)) : "all events";
  const parts = [what.charAt(0).toUpperCase() + what.slice(1)];
  if (rule.categories) parts.push(`that are ${or(rule.categories.map((category) => CATEGORY_WORDS[category] ?? category))}`);
  if (rule.services) parts.push(`of ${or(rule.services)}`);
  if (rule.regions) parts.push(`in ${or(rule.regions)}`);
  if (rule.accounts) parts.push(`touching account ${or(rule.accounts)}`);
  if (rule.eventTypeCodes?.include) parts.push(`with an event type like ${or(rule.eventTypeCodes.include)}`);
  if (rule.eventTypeCodes?.exclude) parts.push(`except event types like ${or(rule.eventTypeCodes.exclude)}`);
  for (const [key, value] of Object.entries(rule)) if (!KNOWN.has(key) && value !== undefined) parts.push(`where ${key} is ${plain(value)}`);
  const kinds = rule.kinds ? `: ${or(rule.kinds)}` : ": every kind of message";
  const reminders = rule.reminders ? ` (reminders ${rule.reminders.join(", ")} before the start)` : "";
  return `${parts.join(" ")}${kinds}${reminders} → ${rule.channels.join(", ")}`;
}

/** Where a channel sends, without what makes it a credential: a webhook URL's host only, never its path or secret. */
export function describeChannelTarget(channel: ChannelConfig): string {
  if (channel.url) {
    try {
      return new URL(channel.url).host;
    } catch {
      return "(an invalid URL)";
    }
  }
  if (channel.topicArn) return `SNS topic ${channel.topicArn.split(":").at(-1) ?? ""} in ${channel.topicArn.split(":")[3] ?? "?"}`;
  if (channel.to) return `${channel.to.length} e-mail ${channel.to.length === 1 ? "address" : "addresses"}`;
  return "—";
}
