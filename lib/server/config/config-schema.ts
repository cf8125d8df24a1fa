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
  HEALTHDECK_PUBLIC_URL: httpUrl("HEALTHDECK_PUBLIC_URL")
    .transform((url) => url.replace(/\/+$/, ""))
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
});

export type HealthdeckConfig = z.output<typeof configSchema>;

/** AWS publishes <ttl>5</ttl> for RSS; pollers use ~60 s for currentevents. Faster is allowed but impolite. */
export const PUBLISHED_POLL_HINTS = {
  HEALTHDECK_PUBLIC_POLL_SECONDS: 60,
  HEALTHDECK_RSS_POLL_SECONDS: 300,
} as const;
