import type { NotifyConfig, RuleConfig } from "@/lib/server/outputs/config/notify-config-schema";
import type { NotificationFacts } from "@/lib/server/outputs/rules/read-notification-facts";
import { levelOfSeverityName } from "@/lib/server/outputs/rules/rank-severity";

const globs = new Map<string, RegExp>();

/** `*` any run of characters, `?` one; the whole code, case-insensitively. */
export function matchesGlob(pattern: string, value: string): boolean {
  let regex = globs.get(pattern);
  if (!regex) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*").replaceAll("?", ".");
    regex = new RegExp(`^${source}$`, "i");
    globs.set(pattern, regex);
  }
  return regex.test(value);
}

const within = (allowed: readonly string[] | undefined, value: string | null) =>
  allowed === undefined || (value !== null && allowed.some((item) => item.toLowerCase() === value.toLowerCase()));

/** Every filter is optional (absent = all); lists are OR within a filter and AND across filters. */
export function matchesRule(rule: RuleConfig, facts: NotificationFacts): boolean {
  if (!within(rule.sources, facts.source)) return false;
  if (!within(rule.kinds, facts.kind)) return false;
  if (!within(rule.categories, facts.category)) return false;
  if (!within(rule.services, facts.service)) return false;
  if (!within(rule.regions, facts.region)) return false;
  if (!within(rule.accounts, facts.accountId)) return false;
  // Security events are never muted by how calm they look.
  if (!facts.isSecurity && !within(rule.statuses, facts.status)) return false;
  if (!facts.isSecurity && rule.minSeverity !== undefined && facts.severity < levelOfSeverityName(rule.minSeverity)) return false;
  const codes = rule.eventTypeCodes;
  if (codes?.include && (facts.eventTypeCode === null || !codes.include.some((glob) => matchesGlob(glob, facts.eventTypeCode ?? "")))) return false;
  if (codes?.exclude && facts.eventTypeCode !== null && codes.exclude.some((glob) => matchesGlob(glob, facts.eventTypeCode ?? ""))) return false;
  return true;
}

/**
 * The channels one change goes to, each once, in the file's channel order: those of every matching rule, and for a
 * security event every channel marked `security`, whatever the rules and their mutes say.
 */
export function selectChannels(config: NotifyConfig, facts: NotificationFacts): string[] {
  const chosen = new Set<string>();
  for (const rule of config.rules) if (matchesRule(rule, facts)) for (const id of rule.channels) chosen.add(id);
  return config.channels.filter((channel) => chosen.has(channel.id) || (facts.isSecurity && channel.security)).map((channel) => channel.id);
}
