import { z } from "zod";

/** The file of HEALTHDECK_NOTIFY_CONFIG (YAML or JSON): a public contract (add, never rename). */
export const CHANNEL_TYPES = ["slack", "teams", "email", "sns", "webhook"] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const NOTIFICATION_KINDS = ["opened", "updated", "resolved", "reminder"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** minSeverity: one scale for both sides, lowest first (see rules/rank-severity.ts and docs/notifications.md). */
export const SEVERITY_NAMES = ["informational", "accountNotification", "degraded", "scheduledChange", "disrupted", "issue"] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

export const NOTIFICATION_SOURCES = ["public", "account"] as const;
export type NotificationSource = (typeof NOTIFICATION_SOURCES)[number];

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const nonEmpty = z.string().trim().min(1, "must not be empty");
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, "must list at least one value (leave the filter out to match all)");
const secret = z.union([nonEmpty, list(nonEmpty)]).transform((value) => (typeof value === "string" ? value.split(/\s+/).filter(Boolean) : value));

export const channelSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "must be 1-64 letters, digits, - or _"),
    type: z.enum(CHANNEL_TYPES, { error: `must be one of ${CHANNEL_TYPES.join(", ")}` }),
    url: httpUrl.optional(),
    /** webhook: one or more `whsec_…` secrets (several sign at once, for rotation) */
    secret: secret.optional(),
    to: list(z.email({ error: "must be an e-mail address" })).optional(),
    topicArn: z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/, "must be an SNS topic ARN").optional(),
    /** security events (AWS_RISK_*) always go to every channel marked so, whatever the rules */
    security: z.boolean().default(false),
    /** more than `messages` waiting within `minutes` become one digest (default 10 in 5, webhooks never); false: never fold */
    storm: z
      .union([
        z.literal(false),
        z.strictObject({
          messages: z.int("must be a whole number").min(1, "must be at least 1").max(10_000, "must be at most 10000"),
          minutes: z.int("must be a whole number").min(1, "must be at least 1").max(1440, "must be at most 1440 (a day)"),
        }),
      ])
      .optional(),
  })
  .superRefine((channel, context) => {
    const need = (field: "url" | "secret" | "to" | "topicArn") => {
      if (channel[field] === undefined) context.addIssue({ code: "custom", path: [field], message: `a ${channel.type} channel needs ${field}` });
    };
    if (channel.type === "slack" || channel.type === "teams" || channel.type === "webhook") need("url");
    if (channel.type === "webhook") need("secret");
    if (channel.type === "email") need("to");
    if (channel.type === "sns") need("topicArn");
    for (const [index, value] of (channel.secret ?? []).entries()) {
      if (channel.type === "webhook" && !/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/.test(value)) {
        context.addIssue({ code: "custom", path: ["secret", index], message: "must be a Standard Webhooks secret: whsec_ and at least 24 random bytes in base64" });
      }
    }
  });
export type ChannelConfig = z.output<typeof channelSchema>;

/** A storm is more than this many messages waiting for one channel within this many minutes. */
export const DEFAULT_STORM = { messages: 10, minutes: 5 } as const;

/**
 * A channel's storm setting, null when it never folds. People read Slack, Teams, mail and SNS: they fold by default.
 * A webhook is a program that wants every event: it folds only when its `storm` says so.
 */
export function resolveStorm(channel: Pick<ChannelConfig, "type" | "storm">): { messages: number; minutes: number } | null {
  if (channel.storm === false) return null;
  return channel.storm ?? (channel.type === "webhook" ? null : DEFAULT_STORM);
}

const GLOB = /^[A-Za-z0-9_*?-]{1,128}$/;
export const ruleSchema = z.strictObject({
  channels: list(nonEmpty),
  sources: list(z.enum(NOTIFICATION_SOURCES)).optional(),
  categories: list(z.enum(["issue", "accountNotification", "scheduledChange", "investigation"])).optional(),
  services: list(nonEmpty).optional(),
  regions: list(z.string().regex(/^[a-z0-9-]{2,40}$/, "must be a region code such as eu-west-1 (or global)")).optional(),
  /** account ids, or names from HEALTHDECK_ACCOUNT_NAMES (resolved to ids at start-up) */
  accounts: list(nonEmpty).optional(),
  /** the event's status: open, closed, upcoming (account events) or operational, informational, degraded, disrupted, unknown (public) */
  statuses: list(z.string().regex(/^[A-Za-z_-]{2,40}$/, "must be a status such as open, upcoming, closed, degraded or disrupted")).optional(),
  minSeverity: z.enum(SEVERITY_NAMES, { error: `must be one of ${SEVERITY_NAMES.join(", ")}` }).optional(),
  eventTypeCodes: z
    .strictObject({
      include: list(z.string().regex(GLOB, "must be an event type code, * and ? as wildcards")).optional(),
      exclude: list(z.string().regex(GLOB, "must be an event type code, * and ? as wildcards")).optional(),
    })
    .optional(),
  kinds: list(z.enum(NOTIFICATION_KINDS)).optional(),
  reminders: list(z.string().regex(/^\d{1,4}[mhd]$/, "must be an offset such as 7d, 1d or 1h")).optional(),
});
export type RuleConfig = z.output<typeof ruleSchema>;

export const notifyConfigSchema = z
  .strictObject({
    channels: z.array(channelSchema).default([]),
    rules: z.array(ruleSchema).default([]),
  })
  .superRefine((config, context) => {
    const seen = new Set<string>();
    for (const [index, channel] of config.channels.entries()) {
      if (seen.has(channel.id)) context.addIssue({ code: "custom", path: ["channels", index, "id"], message: `channel id "${channel.id}" is used twice` });
      seen.add(channel.id);
    }
    for (const [ruleIndex, rule] of config.rules.entries()) {
      for (const [index, id] of rule.channels.entries()) {
        if (!seen.has(id)) context.addIssue({ code: "custom", path: ["rules", ruleIndex, "channels", index], message: `no channel has the id "${id}"` });
      }
    }
  });
export type NotifyConfig = z.output<typeof notifyConfigSchema>;
