import { z } from "zod";

/**
 * JSON contract of /api/v1/account/events/<id>/exposed-key. Field names are public: add, never rename.
 * The key id is never sent whole: `maskedKeyId` keeps the last four characters.
 */

export const COVERAGE_NOTE = "Management events only (no S3 object reads or other data events); an empty result does not prove the key was not abused.";
export const MAX_LOOKUP_HOURS = 90 * 24;
export const ALL_ENABLED_REGIONS = "all";

const problemSchema = z.object({ kind: z.string(), reason: z.string() });

export const exposedKeyFactsSchema = z.object({
  maskedKeyId: z.string().nullable(),
  last4: z.string().nullable(),
  userName: z.string().nullable(),
  exposedUrl: z.string().nullable(),
  accountId: z.string().nullable(),
  foundAt: z.string().nullable(),
  keySource: z.enum(["metadata", "entity", "description"]).nullable(),
  respondBy: z.string().nullable(),
  supportCaseHint: z.string(),
});

export const keyStateSchema = z.object({
  status: z.enum(["Active", "Inactive", "unknown"]),
  userName: z.string().nullable(),
  lastUsed: z.object({ at: z.string().nullable(), service: z.string().nullable(), region: z.string().nullable() }).nullable(),
  quarantinePolicies: z.array(z.string()),
  quarantineKnown: z.boolean(),
  checkedAt: z.string(),
  problems: z.array(problemSchema),
});
export type KeyStateView = z.infer<typeof keyStateSchema>;

export const trailGroupSchema = z.object({
  region: z.string(),
  eventSource: z.string(),
  eventName: z.string(),
  sourceIp: z.string(),
  userAgent: z.string(),
  count: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
  errorCount: z.number(),
  errorCodes: z.record(z.string(), z.number()),
});
export type TrailGroupView = z.infer<typeof trailGroupSchema>;

export const lookupSchema = z.object({
  id: z.string(),
  status: z.enum(["running", "complete", "failed"]),
  trigger: z.enum(["auto", "manual"]),
  requested: z.object({ hours: z.number(), regions: z.array(z.string()) }),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  window: z.object({ start: z.string(), end: z.string(), hours: z.number() }).nullable(),
  regions: z.array(z.object({ region: z.string(), status: z.enum(["complete", "capped", "failed"]), pages: z.number(), events: z.number(), problem: problemSchema.nullable() })),
  groups: z.array(trailGroupSchema),
  totalEvents: z.number(),
  cappedAt: z.number().nullable(),
  /** why the whole look-up failed (no key id, no account, regions unreadable) */
  error: z.string().nullable(),
  coverage: z.string(),
  /** who asked for it (the signed-in name; null for the automatic look-up) */
  startedBy: z.string().nullable().default(null),
  /** CloudTrail pages and events read so far, whichever replica runs it (refreshed every few seconds) */
  progress: z.object({ pages: z.number(), events: z.number() }).nullable().default(null),
});
export type LookupView = z.infer<typeof lookupSchema>;

export const actionRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.literal("deactivate"),
  result: z.enum(["deactivated", "already-inactive", "failed", "refused"]),
  reason: z.string().nullable(),
});
export type ActionRecord = z.infer<typeof actionRecordSchema>;

export const exposedKeyResponseSchema = z.object({
  eventId: z.string(),
  facts: exposedKeyFactsSchema,
  settings: z.object({
    lookup: z.enum(["auto", "manual", "off"]),
    actions: z.enum(["none", "deactivate"]),
    readRoleConfigured: z.boolean(),
    actionRoleConfigured: z.boolean(),
  }),
  keyState: keyStateSchema.nullable(),
  lookup: lookupSchema.nullable(),
  actions: z.array(actionRecordSchema),
  coverage: z.string(),
  /** the IAM policies each feature needs, as JSON documents */
  policies: z.object({ readOnlyRole: z.string(), actionRole: z.string() }),
});
export type ExposedKeyResponse = z.infer<typeof exposedKeyResponseSchema>;

const regionCode = z.string().regex(/^([a-z]{2}(-[a-z]+)+-\d{1,2}|all)$/, "each region must be a region code such as eu-west-1, or \"all\" for every enabled region");

export const exposedKeyPostSchema = z.discriminatedUnion(
  "action",
  [
    z.strictObject({
      action: z.literal("lookup"),
      hours: z
        .number({ error: "hours must be a number of hours" })
        .int("hours must be a whole number")
        .min(1, "hours must be at least 1")
        .max(MAX_LOOKUP_HOURS, `hours must be at most ${MAX_LOOKUP_HOURS} (the 90 days CloudTrail keeps)`)
        .default(24),
      regions: z.array(regionCode).max(40, "at most 40 regions").default([]),
    }),
    z.strictObject({
      action: z.literal("deactivate"),
      confirm: z.string({ error: "confirm must be the key id's last 4 characters" }).max(8, "confirm must be the key id's last 4 characters"),
    }),
  ],
  { error: 'action must be "lookup" or "deactivate"' },
);
export type ExposedKeyPost = z.infer<typeof exposedKeyPostSchema>;
