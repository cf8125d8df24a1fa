import { z } from "zod";

const DEFAULT_PUBLIC_EVENTS_URL = "https://health.aws.amazon.com/public/currentevents";
const DEFAULT_RSS_BASE_URL = "https://status.aws.amazon.com/rss/";
const DEFAULT_CATALOG_URL = "https://servicedata-us-east-1-prod.s3.amazonaws.com/services.json";

const httpUrl = (name: string) =>
  z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` });

const seconds = (name: string, fallback: number, max = 7 * 24 * 3600) =>
  z.coerce
    .number({ error: `${name} must be a number of seconds` })
    .int(`${name} must be a whole number of seconds`)
    .min(1, `${name} must be at least 1 second`)
    .max(max, `${name} must be at most ${max} seconds`)
    .default(fallback);

const commaList = (name: string, pattern: RegExp) =>
  z
    .string()
    .default("")
    .transform((raw) =>
      raw
        .split(",")
        .map((part) => part.trim().toLowerCase())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(z.string().regex(pattern, `${name} has an invalid entry`)));

const onOff = z.enum(["on", "off"]);
const autoOnOff = (name: string) =>
  z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(["auto", "on", "off"], { error: `${name} must be auto, on or off` }))
    .default("auto");

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;
/** Role ARNs keep their case (role names are case-sensitive), unlike the lower-cased lists above. */
const roleArnList = z
  .string()
  .default("")
  .transform((raw) =>
    raw
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(z.string().regex(ROLE_ARN, "HEALTHDECK_ASSUME_ROLES must be a comma list of IAM role ARNs (arn:aws:iam::123456789012:role/Name)")))
  .transform((arns) => [...new Set(arns)]);

/** `123456789012=Prod,210987654321=Staging`: names shown beside account ids in messages and accepted by notification rules. */
const accountNames = z
  .string()
  .default("")
  .transform((raw, context) => {
    const names: Record<string, string> = {};
    const taken = new Set<string>();
    for (const part of raw.split(",").map((item) => item.trim()).filter(Boolean)) {
      const match = /^(\d{12})\s*=\s*([^=,]{1,64})$/.exec(part);
      const name = match?.[2]?.trim();
      if (!match?.[1] || !name) {
        context.addIssue({ code: "custom", message: `HEALTHDECK_ACCOUNT_NAMES: "${part.slice(0, 80)}" must be <12-digit account id>=<name> (names up to 64 characters, no , or =)` });
        return z.NEVER;
      }
      if (names[match[1]] !== undefined || taken.has(name.toLowerCase())) {
        context.addIssue({ code: "custom", message: `HEALTHDECK_ACCOUNT_NAMES: account ${match[1]} or the name "${name}" is listed twice` });
        return z.NEVER;
      }
      names[match[1]] = name;
      taken.add(name.toLowerCase());
    }
    return names;
  });

/** Group names keep their case (identity providers compare them exactly); comma-separated. */
const groupList = z
  .string()
  .default("")
  .transform((raw) => [...new Set(raw.split(",").map((part) => part.trim()).filter((part) => part.length > 0))])
  .pipe(z.array(z.string().max(256, "a group name is at most 256 characters")));

/**
 * `group=111111111111|222222222222;other=ou-ab12-cdef3456`: each group limited to the accounts listed, and to the
 * accounts under each root (`r-…`) or organization unit (`ou-…`) listed, nested units included (lib/server/auth/org-unit-scopes.ts).
 */
/** A root (`r-…`) or organization unit (`ou-…`) id, as AWS Organizations writes them. */
export const ORG_UNIT_ENTRY = /^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const accountGroups = z
  .string()
  .default("")
  .transform((raw, context) => {
    const mapping: Record<string, string[]> = {};
    for (const entry of raw.split(";").map((part) => part.trim()).filter((part) => part.length > 0)) {
      const separator = entry.lastIndexOf("=");
      const group = entry.slice(0, separator).trim();
      const accounts = entry.slice(separator + 1).split(/[|,\s]+/).filter((part) => part.length > 0);
      if (separator <= 0 || accounts.length === 0 || accounts.some((account) => !/^\d{12}$/.test(account) && !ORG_UNIT_ENTRY.test(account))) {
        context.addIssue({ code: "custom", message: "HEALTHDECK_ACCOUNT_GROUPS must read group=111111111111|222222222222;other-group=333333333333|ou-ab12-cdef3456 (12-digit account ids, organization unit ids ou-…, or the root r-…)" });
        return z.NEVER;
      }
      mapping[group] = [...new Set([...(mapping[group] ?? []), ...accounts])];
    }
    return mapping;
  });

/** An address, or an IPv4 block such as 10.0.0.0/8 (HEALTHDECK_TRUSTED_PROXIES). */
const IP_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-f:]+)$/;
// A role ARN, or a template whose account is `{account}` (the affected account of the event).
const ROLE_TEMPLATE = /^arn:aws[a-z-]*:iam::(\d{12}|\{account\}):role\/[\w+=,.@\/-]{1,512}$/;
const roleTemplate = (name: string) =>
  z
    .string()
    .trim()
    .regex(ROLE_TEMPLATE, `${name} must be an IAM role ARN, with {account} for the affected account (arn:aws:iam::{account}:role/HealthdeckResponder)`)
    .optional()
    .or(z.literal("").transform(() => undefined));

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HEALTHDECK_DATA_DIR: z.string().min(1).default("./data"),
  HEALTHDECK_PUBLIC_EVENTS_URL: httpUrl("HEALTHDECK_PUBLIC_EVENTS_URL").default(DEFAULT_PUBLIC_EVENTS_URL),
  HEALTHDECK_PUBLIC_RSS_BASE_URL: httpUrl("HEALTHDECK_PUBLIC_RSS_BASE_URL")
    .default(DEFAULT_RSS_BASE_URL)
    .transform((url) => (url.endsWith("/") ? url : `${url}/`)),
  HEALTHDECK_CATALOG_URL: httpUrl("HEALTHDECK_CATALOG_URL").default(DEFAULT_CATALOG_URL),
  HEALTHDECK_REGIONS: commaList("HEALTHDECK_REGIONS", /^[a-z0-9-]{2,40}$/),
  HEALTHDECK_SERVICES: commaList("HEALTHDECK_SERVICES", /^[a-z0-9][a-z0-9._-]{0,80}$/),
  HEALTHDECK_PUBLIC_POLL_SECONDS: seconds("HEALTHDECK_PUBLIC_POLL_SECONDS", 60),
  HEALTHDECK_RSS_POLL_SECONDS: seconds("HEALTHDECK_RSS_POLL_SECONDS", 300),
  HEALTHDECK_CATALOG_POLL_SECONDS: seconds("HEALTHDECK_CATALOG_POLL_SECONDS", 86_400, 30 * 86_400),
  HEALTHDECK_RSS_FEED_LIMIT: z.coerce.number().int().min(0).max(10_000).default(100),
  HEALTHDECK_HTTP_TIMEOUT_SECONDS: seconds("HEALTHDECK_HTTP_TIMEOUT_SECONDS", 10, 300),
  HEALTHDECK_HTTP_MAX_BYTES: z.coerce.number().int().min(1024).max(256 * 1024 * 1024).default(8 * 1024 * 1024),
  HEALTHDECK_HTTP_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  HEALTHDECK_HTTP_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(6),
  HEALTHDECK_POLLER: onOff.default("on"),
  HEALTHDECK_ACCOUNT_HEALTH: autoOnOff("HEALTHDECK_ACCOUNT_HEALTH"),
  HEALTHDECK_ACCOUNT_POLL_SECONDS: seconds("HEALTHDECK_ACCOUNT_POLL_SECONDS", 60),
  HEALTHDECK_ACCOUNT_SWEEP_SECONDS: seconds("HEALTHDECK_ACCOUNT_SWEEP_SECONDS", 900),
  HEALTHDECK_ACCOUNT_LOOKBACK_DAYS: z.coerce
    .number({ error: "HEALTHDECK_ACCOUNT_LOOKBACK_DAYS must be a number of days" })
    .int("HEALTHDECK_ACCOUNT_LOOKBACK_DAYS must be a whole number of days")
    .min(1, "HEALTHDECK_ACCOUNT_LOOKBACK_DAYS must be at least 1 day")
    .max(365, "HEALTHDECK_ACCOUNT_LOOKBACK_DAYS must be at most 365 days")
    .default(90),
  HEALTHDECK_ORG_VIEW: autoOnOff("HEALTHDECK_ORG_VIEW"),
  HEALTHDECK_ASSUME_ROLES: roleArnList,
  HEALTHDECK_ACCOUNT_ID: z
    .string()
    .regex(/^\d{12}$/, "HEALTHDECK_ACCOUNT_ID must be a 12-digit AWS account id")
    .optional(),
  // Secret an EventBridge API destination sends; unset keeps POST /api/v1/ingest/eventbridge closed (503).
  HEALTHDECK_INGEST_TOKEN: z
    .string()
    .min(16, "HEALTHDECK_INGEST_TOKEN must be at least 16 characters (use e.g. `openssl rand -hex 32`)")
    .max(512, "HEALTHDECK_INGEST_TOKEN must be at most 512 characters")
    .regex(/^[\x21-\x7e]+$/, "HEALTHDECK_INGEST_TOKEN must be printable ASCII without spaces")
    .optional(),
  HEALTHDECK_INGEST_MAX_BYTES: z.coerce
    .number({ error: "HEALTHDECK_INGEST_MAX_BYTES must be a number of bytes" })
    .int("HEALTHDECK_INGEST_MAX_BYTES must be a whole number of bytes")
    .min(1024, "HEALTHDECK_INGEST_MAX_BYTES must be at least 1024")
    .max(64 * 1024 * 1024, "HEALTHDECK_INGEST_MAX_BYTES must be at most 67108864 (64 MiB)")
    .default(1024 * 1024),
  // Unset keeps the embedded SQLite under HEALTHDECK_DATA_DIR; postgres://… (or postgresql://) selects PostgreSQL.
  HEALTHDECK_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "HEALTHDECK_DATABASE_URL must be a postgres:// URL (unset it to use SQLite under HEALTHDECK_DATA_DIR)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  HEALTHDECK_DATABASE_POOL_SIZE: z.coerce
    .number({ error: "HEALTHDECK_DATABASE_POOL_SIZE must be a number of connections" })
    .int("HEALTHDECK_DATABASE_POOL_SIZE must be a whole number")
    .min(1, "HEALTHDECK_DATABASE_POOL_SIZE must be at least 1")
    .max(200, "HEALTHDECK_DATABASE_POOL_SIZE must be at most 200")
    .default(10),
  // How often a follower tries the leader lock; a dead leader is replaced within about this long.
  HEALTHDECK_LEADER_RETRY_SECONDS: z.coerce
    .number({ error: "HEALTHDECK_LEADER_RETRY_SECONDS must be a number of seconds" })
    .min(0.1, "HEALTHDECK_LEADER_RETRY_SECONDS must be at least 0.1")
    .max(300, "HEALTHDECK_LEADER_RETRY_SECONDS must be at most 300")
    .default(5),
  HEALTHDECK_JOURNAL_RETENTION_DAYS: z.coerce
    .number({ error: "HEALTHDECK_JOURNAL_RETENTION_DAYS must be a number of days" })
    .int("HEALTHDECK_JOURNAL_RETENTION_DAYS must be a whole number of days")
    .min(1, "HEALTHDECK_JOURNAL_RETENTION_DAYS must be at least 1 day")
    .max(3650, "HEALTHDECK_JOURNAL_RETENTION_DAYS must be at most 3650 days")
    .default(30),
  // Path of the notifications file (channels, rules); secrets in it are `${ENV}` references.
  HEALTHDECK_NOTIFY_CONFIG: z.string().min(1).optional(),
  HEALTHDECK_NOTIFY_FRESH_MINUTES: z.coerce
    .number({ error: "HEALTHDECK_NOTIFY_FRESH_MINUTES must be a number of minutes" })
    .int("HEALTHDECK_NOTIFY_FRESH_MINUTES must be a whole number of minutes")
    .min(0, "HEALTHDECK_NOTIFY_FRESH_MINUTES must be at least 0")
    .max(525_600, "HEALTHDECK_NOTIFY_FRESH_MINUTES must be at most 525600 (a year)")
    .default(60),
  HEALTHDECK_ACCOUNT_NAMES: accountNames,
  // E-mail channels' SMTP server; the password may be in the URL or in HEALTHDECK_SMTP_PASSWORD (which wins).
  HEALTHDECK_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "HEALTHDECK_SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:password@mail.example.com:587)")
    .refine((value) => URL.canParse(value) && new URL(value).hostname !== "", "HEALTHDECK_SMTP_URL must be an smtp:// or smtps:// URL with a host")
    .optional(),
  HEALTHDECK_SMTP_USER: z.string().max(512, "HEALTHDECK_SMTP_USER must be at most 512 characters").optional(),
  HEALTHDECK_SMTP_PASSWORD: z.string().max(1024, "HEALTHDECK_SMTP_PASSWORD must be at most 1024 characters").optional(),
  HEALTHDECK_SMTP_FROM: z
    .string()
    .max(320, "HEALTHDECK_SMTP_FROM must be at most 320 characters")
    .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, "HEALTHDECK_SMTP_FROM must be an address (alerts@example.com or Healthdeck <alerts@example.com>)")
    .optional(),
  HEALTHDECK_PUBLIC_URL: httpUrl("HEALTHDECK_PUBLIC_URL")
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  // The edge (docs/deploy.md): Host names served (DNS rebinding), who may frame pages, per-client limits, ingest port.
  HEALTHDECK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((raw) => raw.split(",").map((part) => part.trim().toLowerCase()).filter((part) => part.length > 0))
    .pipe(z.array(z.string().regex(/^(?:\*|(?:\*\.)?[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])$/, "HEALTHDECK_ALLOWED_HOSTS must be a comma list of host names (without port), *.domain, or *"))),
  HEALTHDECK_FRAME_ANCESTORS: z
    .string()
    .default("'self'")
    .transform((raw) => raw.split(/[\s,]+/).map((part) => part.trim()).filter((part) => part.length > 0))
    .pipe(
      z
        .array(z.string().regex(/^(?:'none'|'self'|none|self|https?:\/\/(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?)$/, "HEALTHDECK_FRAME_ANCESTORS must be 'none', 'self' or origins such as https://portal.example.com"))
        .refine((list) => list.length > 0, "HEALTHDECK_FRAME_ANCESTORS must not be empty"),
    )
    .transform((list) => list.map((part) => (part === "none" || part === "self" ? `'${part}'` : part)))
    .refine((list) => !list.includes("'none'") || list.length === 1, "HEALTHDECK_FRAME_ANCESTORS: 'none' stands alone"),
  HEALTHDECK_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: "HEALTHDECK_RATE_LIMIT_PER_MINUTE must be a number of requests" })
    .int("HEALTHDECK_RATE_LIMIT_PER_MINUTE must be a whole number")
    .min(0, "HEALTHDECK_RATE_LIMIT_PER_MINUTE must be at least 0 (0 turns the limit off)")
    .max(1_000_000, "HEALTHDECK_RATE_LIMIT_PER_MINUTE must be at most 1000000")
    .default(600),
  HEALTHDECK_STREAMS_PER_CLIENT: z.coerce
    .number({ error: "HEALTHDECK_STREAMS_PER_CLIENT must be a number of streams" })
    .int("HEALTHDECK_STREAMS_PER_CLIENT must be a whole number")
    .min(1, "HEALTHDECK_STREAMS_PER_CLIENT must be at least 1")
    .max(10_000, "HEALTHDECK_STREAMS_PER_CLIENT must be at most 10000")
    .default(32),
  // Set: POST /api/v1/ingest/eventbridge is served on this port only (the main port answers 404 for it).
  HEALTHDECK_INGEST_PORT: z.coerce
    .number({ error: "HEALTHDECK_INGEST_PORT must be a port number" })
    .int("HEALTHDECK_INGEST_PORT must be a port number")
    .min(1, "HEALTHDECK_INGEST_PORT must be from 1 to 65535")
    .max(65535, "HEALTHDECK_INGEST_PORT must be from 1 to 65535")
    .optional(),
  HEALTHDECK_INGEST_HOST: z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, "HEALTHDECK_INGEST_HOST must be an address such as 0.0.0.0 or ::").default("0.0.0.0"),
  // Outputs (metrics, feeds, calendar): until the access-control tokens land, one bearer token opens them off loopback.
  HEALTHDECK_HOST: z.string().min(1).default("127.0.0.1"),
  HEALTHDECK_OUTPUTS_TOKEN: z
    .string()
    .min(16, "HEALTHDECK_OUTPUTS_TOKEN must be at least 16 characters (use e.g. `openssl rand -hex 32`)")
    .max(512, "HEALTHDECK_OUTPUTS_TOKEN must be at most 512 characters")
    .regex(/^[\x21-\x7e]+$/, "HEALTHDECK_OUTPUTS_TOKEN must be printable ASCII without spaces")
    .optional(),
  HEALTHDECK_METRICS_ACCOUNT_LABEL: onOff.default("off"),
  HEALTHDECK_METRICS_PORT: z.coerce
    .number({ error: "HEALTHDECK_METRICS_PORT must be a port number" })
    .int("HEALTHDECK_METRICS_PORT must be a whole number")
    .min(1, "HEALTHDECK_METRICS_PORT must be between 1 and 65535")
    .max(65535, "HEALTHDECK_METRICS_PORT must be between 1 and 65535")
    .optional(),
  HEALTHDECK_EXPOSED_KEY_LOOKUP: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(["auto", "manual", "off"], { error: "HEALTHDECK_EXPOSED_KEY_LOOKUP must be auto, manual or off" }))
    .default("auto"),
  HEALTHDECK_EXPOSED_KEY_ACTIONS: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(["none", "deactivate"], { error: "HEALTHDECK_EXPOSED_KEY_ACTIONS must be none or deactivate" }))
    .default("none"),
  HEALTHDECK_RESPONDER_ROLE: roleTemplate("HEALTHDECK_RESPONDER_ROLE"),
  HEALTHDECK_RESPONDER_ACTION_ROLE: roleTemplate("HEALTHDECK_RESPONDER_ACTION_ROLE"),
  HEALTHDECK_SIMULATED: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  // Who may see what (lib/server/auth/): none serves loopback only; oidc signs in; proxy trusts an identity header.
  HEALTHDECK_AUTH: z.enum(["none", "oidc", "proxy"], { error: "HEALTHDECK_AUTH must be none, oidc or proxy" }).default("none"),
  HEALTHDECK_OIDC_ISSUER: httpUrl("HEALTHDECK_OIDC_ISSUER").optional(),
  HEALTHDECK_OIDC_CLIENT_ID: z.string().max(512).optional(),
  HEALTHDECK_OIDC_CLIENT_SECRET: z.string().max(2048).optional(),
  HEALTHDECK_OIDC_SCOPES: z
    .string()
    .default("openid profile email")
    .transform((raw) => [...new Set(["openid", ...raw.split(/[\s,]+/).filter((part) => part.length > 0)])].join(" ")),
  HEALTHDECK_OIDC_GROUPS_CLAIM: z.string().min(1).max(200).default("groups"),
  HEALTHDECK_ADMIN_GROUPS: groupList,
  HEALTHDECK_VIEWER_GROUPS: groupList,
  HEALTHDECK_ACCOUNT_GROUPS: accountGroups,
  // How often the leader re-reads the accounts under the OUs named in HEALTHDECK_ACCOUNT_GROUPS (AWS Organizations).
  HEALTHDECK_OU_REFRESH_SECONDS: seconds("HEALTHDECK_OU_REFRESH_SECONDS", 900, 86_400),
  // Space-separated: the first seals new sessions, any opens them, so a new secret goes first and the old one stays a while.
  HEALTHDECK_SESSION_SECRET: z
    .string()
    .transform((raw) => raw.split(/\s+/).filter((part) => part.length > 0))
    .pipe(z.array(z.string().min(32, "each HEALTHDECK_SESSION_SECRET must be at least 32 characters (use `openssl rand -hex 32`)")).min(1))
    .optional(),
  HEALTHDECK_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(8 * 60),
  HEALTHDECK_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(90 * 24).default(7 * 24),
  HEALTHDECK_PROXY_USER_HEADER: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, "HEALTHDECK_PROXY_USER_HEADER must be a header name").default("x-forwarded-email").transform((name) => name.toLowerCase()),
  HEALTHDECK_PROXY_GROUPS_HEADER: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, "HEALTHDECK_PROXY_GROUPS_HEADER must be a header name").default("x-forwarded-groups").transform((name) => name.toLowerCase()),
  HEALTHDECK_TRUSTED_PROXIES: commaList("HEALTHDECK_TRUSTED_PROXIES", IP_ADDRESS),
  HEALTHDECK_PUBLIC_BOARD: z.enum(["open", "private"], { error: "HEALTHDECK_PUBLIC_BOARD must be open or private" }).default("open"),
}).superRefine((config, context) => {
  const need = (name: keyof typeof config, why: string) => {
    if (config[name] === undefined || (Array.isArray(config[name]) && config[name].length === 0)) context.addIssue({ code: "custom", path: [name], message: `${name} is required ${why}` });
  };
  if (config.HEALTHDECK_AUTH === "oidc") {
    for (const name of ["HEALTHDECK_OIDC_ISSUER", "HEALTHDECK_OIDC_CLIENT_ID", "HEALTHDECK_SESSION_SECRET", "HEALTHDECK_PUBLIC_URL"] as const) need(name, "with HEALTHDECK_AUTH=oidc");
  }
  if (config.HEALTHDECK_AUTH === "proxy") need("HEALTHDECK_TRUSTED_PROXIES", "with HEALTHDECK_AUTH=proxy (the addresses of the proxy that sets the identity header)");
  if (config.HEALTHDECK_AUTH !== "none" && config.HEALTHDECK_ADMIN_GROUPS.length + config.HEALTHDECK_VIEWER_GROUPS.length + Object.keys(config.HEALTHDECK_ACCOUNT_GROUPS).length === 0) {
    context.addIssue({ code: "custom", path: ["HEALTHDECK_ADMIN_GROUPS"], message: "set HEALTHDECK_ADMIN_GROUPS and/or HEALTHDECK_VIEWER_GROUPS: with no group mapped, nobody could sign in" });
  }
});

export type HealthdeckConfig = z.output<typeof configSchema>;

/** AWS publishes <ttl>5</ttl> for RSS; pollers use ~60 s for currentevents. Faster is allowed but impolite. */
export const PUBLISHED_POLL_HINTS = {
  HEALTHDECK_PUBLIC_POLL_SECONDS: 60,
  HEALTHDECK_RSS_POLL_SECONDS: 300,
} as const;
