import { z } from "zod";

/**
 * Account-side scenario actions: what the fake AWS Health API knows about the scenario's accounts.
 * Offsets are seconds relative to the step's time (negative = in the past, positive = scheduled in the future).
 */

export const EVENT_CATEGORIES = ["issue", "accountNotification", "scheduledChange", "investigation"] as const;
export const EVENT_STATUSES = ["open", "closed", "upcoming"] as const;
export const ENTITY_STATUSES = ["IMPAIRED", "UNIMPAIRED", "UNKNOWN", "PENDING", "RESOLVED"] as const;
export const EVENT_SCOPES = ["PUBLIC", "ACCOUNT_SPECIFIC"] as const;
export const ACTIONABILITIES = ["ACTION_REQUIRED", "ACTION_MAY_BE_REQUIRED", "INFORMATIONAL"] as const;
export const PERSONAS = ["OPERATIONS", "SECURITY", "BILLING"] as const;

export const accountIdSchema = z.string().regex(/^\d{12}$/, "account id must be 12 digits");
const accountListSchema = z.array(accountIdSchema).min(1).max(100);
const idSchema = z.string().min(1).max(100);
const offsetSchema = z.number().int().min(-400 * 86_400).max(400 * 86_400);
const descriptionSchema = z.string().min(1).max(20_000);
const entityStatusSchema = z.enum(ENTITY_STATUSES);
const metadataSchema = z
  .record(z.string().min(1).max(1_024), z.string().max(32_766))
  .refine((metadata) => Object.keys(metadata).length <= 100, "at most 100 metadata keys");
const healthServiceSchema = z.string().regex(/^[^:/]{2,30}$/, "service must be 2-30 characters without : or /, e.g. EC2");
const eventTypeCodeSchema = z.string().regex(/^[a-zA-Z0-9_-]{3,100}$/, "eventTypeCode must be like AWS_EC2_OPERATIONAL_ISSUE");
const regionSchema = z.string().regex(/^[a-z0-9-]{2,25}$/, "region must be a region code or global");
// Lenient on purpose: AWS also uses one-segment ARNs (arn:aws:health:us-east-1::event/AWS_..._123).
const eventArnSchema = z.string().max(1_600).regex(/^arn:aws(-[a-z]+){0,2}:health:[^:]*:[^:]*:event\/[\w/-]+$/, "arn must be a Health event ARN");

export const scenarioAccountSchema = z.strictObject({
  id: accountIdSchema,
  name: z.string().min(1).max(100).optional(),
  /** false: no Business/Enterprise support, so its own calls get SubscriptionRequiredException and org details fail. */
  supportPlan: z.boolean().optional(),
  /** The organization's management account, the default caller; the first account when none is marked. */
  management: z.boolean().optional(),
});
export type ScenarioAccount = z.infer<typeof scenarioAccountSchema>;

export const entityInputSchema = z.strictObject({
  value: z.string().min(1).max(1_224),
  /** Defaults to arn:aws:health:<region>:<account>:entity/<generated id>. */
  arn: z.string().min(1).max(1_600).optional(),
  /** Omitted on the wire when absent, as AWS does for account-level entities. */
  status: entityStatusSchema.optional(),
  /** Defaults to the event's first account. */
  account: accountIdSchema.optional(),
  url: z.url().max(2_048).optional(),
  metadata: metadataSchema.optional(),
});
export type EntityInput = z.infer<typeof entityInputSchema>;

export const entityGeneratorSchema = z.strictObject({
  count: z.number().int().min(1).max(1_000_000),
  /** Counts per status, assigned in order; the remainder gets `status` (or no status when absent). */
  statuses: z.partialRecord(entityStatusSchema, z.number().int().min(0)).optional(),
  status: entityStatusSchema.optional(),
  /** Values are `<valuePrefix><n>` with n zero-padded to 6 digits. */
  valuePrefix: z.string().min(1).max(1_000).optional(),
  /** Entities are spread round-robin across these accounts; defaults to the event's accounts. */
  accounts: accountListSchema.optional(),
  metadata: metadataSchema.optional(),
});
export type EntityGenerator = z.infer<typeof entityGeneratorSchema>;

const entitySources = {
  entities: z.array(entityInputSchema).max(100_000).optional(),
  generate: entityGeneratorSchema.optional(),
};

const eventFields = {
  metadata: metadataSchema.optional(),
  actionability: z.enum(ACTIONABILITIES).optional(),
  personas: z.array(z.enum(PERSONAS)).min(1).max(3).optional(),
};

export const openAccountEventActionSchema = z.strictObject({
  type: z.literal("open-account-event"),
  id: idSchema,
  /** ACCOUNT_SPECIFIC: the affected accounts (default: the management account). PUBLIC: who sees it (default: all). */
  accounts: accountListSchema.optional(),
  arn: eventArnSchema.optional(),
  service: healthServiceSchema,
  eventTypeCode: eventTypeCodeSchema,
  category: z.enum(EVENT_CATEGORIES),
  region: regionSchema,
  availabilityZone: z.string().regex(/^[a-z]{2,4}-[0-9a-z-]{4,16}$/).optional(),
  status: z.enum(["open", "upcoming"]).optional(),
  scope: z.enum(EVENT_SCOPES).optional(),
  startOffset: offsetSchema.optional(),
  endOffset: offsetSchema.optional(),
  description: descriptionSchema,
  ...eventFields,
  ...entitySources,
});

export const updateAccountEventActionSchema = z.strictObject({
  type: z.literal("update-account-event"),
  id: idSchema,
  description: descriptionSchema.optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  startOffset: offsetSchema.optional(),
  endOffset: offsetSchema.optional(),
  /** lastUpdatedTime relative to the step (default 0); every update bumps it. */
  lastUpdatedOffset: offsetSchema.optional(),
  /** Accounts added to the event. */
  accounts: accountListSchema.optional(),
  ...eventFields,
});

/** Entity changes bump the event's lastUpdatedTime unless `touchEvent` is false (AWS does not document which). */
const touchEventSchema = z.boolean().optional();

export const addAffectedEntitiesActionSchema = z
  .strictObject({ type: z.literal("add-affected-entities"), id: idSchema, touchEvent: touchEventSchema, ...entitySources })
  .refine((action) => action.entities !== undefined || action.generate !== undefined, "give entities or generate");

export const entityChangeSchema = z.strictObject({
  to: entityStatusSchema,
  /** Only entities currently in this status. */
  from: entityStatusSchema.optional(),
  /** Only entities with these values. */
  values: z.array(z.string().min(1).max(1_224)).min(1).max(100_000).optional(),
  account: accountIdSchema.optional(),
  /** At most this many (in insertion order); all matching when absent. */
  count: z.number().int().min(1).max(1_000_000).optional(),
});

export const updateEntitiesActionSchema = z.strictObject({
  type: z.literal("update-entities"),
  id: idSchema,
  touchEvent: touchEventSchema,
  changes: z.array(entityChangeSchema).min(1).max(100),
});

export const closeAccountEventActionSchema = z.strictObject({
  type: z.literal("close-account-event"),
  id: idSchema,
  description: descriptionSchema.optional(),
  /** endTime relative to the step (default 0). */
  endOffset: offsetSchema.optional(),
});

/** On a public `open-event`: the Health API also gets a PUBLIC event with the same ARN, plus these accounts' entities. */
export const accountImpactSchema = z.strictObject({
  /** Who sees the PUBLIC event in the account view; default all accounts. */
  accounts: accountListSchema.optional(),
  service: healthServiceSchema.optional(),
  eventTypeCode: eventTypeCodeSchema.optional(),
  category: z.enum(EVENT_CATEGORIES).optional(),
  ...eventFields,
  ...entitySources,
});
export type AccountImpact = z.infer<typeof accountImpactSchema>;

export const ACCOUNT_ACTION_TYPES = [
  "open-account-event",
  "update-account-event",
  "add-affected-entities",
  "update-entities",
  "close-account-event",
] as const;

export type OpenAccountEventAction = z.infer<typeof openAccountEventActionSchema>;
export type UpdateAccountEventAction = z.infer<typeof updateAccountEventActionSchema>;
export type AddAffectedEntitiesAction = z.infer<typeof addAffectedEntitiesActionSchema>;
export type UpdateEntitiesAction = z.infer<typeof updateEntitiesActionSchema>;
export type CloseAccountEventAction = z.infer<typeof closeAccountEventActionSchema>;
export type AccountScenarioAction =
  | OpenAccountEventAction
  | UpdateAccountEventAction
  | AddAffectedEntitiesAction
  | UpdateEntitiesAction
  | CloseAccountEventAction;
