import { z } from "zod";
import { parseHealthDate } from "@/lib/server/sources/eventbridge/parse-health-date";

/**
 * The `aws.health` EventBridge envelope, validated leniently (reference §7): AWS's own samples lack
 * "required" fields, so only what Healthdeck cannot work without is required. Unknown fields are
 * dropped, unknown enum values are kept as strings, `null` counts as absent.
 */

const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null ? `missing; expected ${what}` : `must be ${what}`;

const requiredText = (what = "a non-empty string") => z.string({ error: required(what) }).trim().min(1, `must be ${what}`);
const optionalText = z
  .string({ error: "must be a string" })
  .nullish()
  .transform((value) => (value === null || value === undefined || value.trim() === "" ? null : value.trim()));

const accountIdText = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id");

const healthDate = z
  .string({ error: "must be a date string such as \"Fri, 27 Jan 2023 06:02:51 GMT\"" })
  .nullish()
  .transform((value, context) => {
    if (value === null || value === undefined || value.trim() === "") return null;
    const ms = parseHealthDate(value);
    if (ms === null) {
      context.addIssue({ code: "custom", message: `not a date: "${value.slice(0, 60)}"` });
      return z.NEVER;
    }
    return ms;
  });

const pageNumber = z
  .union([z.string(), z.number()], { error: "must be a page number such as \"1\"" })
  .nullish()
  .transform((value, context) => {
    if (value === null || value === undefined || value === "") return null;
    const number = typeof value === "number" ? value : /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(number) || number < 1 || number > 100_000) {
      context.addIssue({ code: "custom", message: `must be a whole number from 1 to 100000, got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return number;
  });

const flag = z
  .union([z.boolean(), z.string()], { error: "must be \"true\" or \"false\"" })
  .nullish()
  .transform((value, context) => {
    if (value === null || value === undefined || value === "") return false;
    if (typeof value === "boolean") return value;
    const lower = value.trim().toLowerCase();
    if (lower !== "true" && lower !== "false") {
      context.addIssue({ code: "custom", message: `must be "true" or "false", got ${JSON.stringify(value.slice(0, 40))}` });
      return z.NEVER;
    }
    return lower === "true";
  });

const stringMap = z
  .record(z.string(), z.unknown(), { error: "must be an object of string values" })
  .nullish()
  .transform((value) => {
    if (!value) return null;
    const out: Record<string, string> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === null || item === undefined) continue;
      out[key] = typeof item === "string" ? item : JSON.stringify(item);
    }
    return out;
  });

const descriptionItem = z.object({
  language: optionalText,
  latestDescription: z.string({ error: required("a string") }),
});

const affectedEntitySchema = z.object(
  {
    entityValue: requiredText(),
    entityArn: optionalText,
    entityUrl: optionalText,
    awsAccountId: optionalText,
    status: optionalText,
    statusCode: optionalText,
    lastUpdatedTime: healthDate,
    // The EventBridge schema table spells it this way; AWS's samples do not.
    lastUpdatedtime: healthDate,
    entityMetadata: stringMap,
  },
  { error: required("an object") },
);

export const healthEventDetailSchema = z
  .object(
    {
      eventArn: requiredText("an event ARN (arn:aws:health:…)").refine((arn) => arn.startsWith("arn:"), "must be an event ARN (arn:aws:health:…)"),
      service: requiredText(),
      eventTypeCode: requiredText(),
      eventTypeCategory: requiredText(),
      eventScopeCode: optionalText,
      communicationId: optionalText,
      startTime: healthDate,
      endTime: healthDate,
      lastUpdatedTime: healthDate,
      statusCode: optionalText,
      eventRegion: optionalText,
      availabilityZone: optionalText,
      eventDescription: z
        .union([z.array(descriptionItem), descriptionItem], { error: "must be a list of {language, latestDescription}" })
        .nullish(),
      eventMetadata: stringMap,
      affectedEntities: z.array(affectedEntitySchema, { error: "must be a list of entities" }).nullish(),
      page: pageNumber,
      totalPages: pageNumber,
      backupEvent: flag,
      affectedAccount: z.union([z.literal(""), accountIdText]).nullish(),
      actionability: optionalText,
      personas: z.union([z.array(z.string()), z.string()], { error: "must be a list of strings" }).nullish(),
    },
    { error: required("an object") },
  )
  .superRefine((detail, context) => {
    if (detail.page !== null && detail.totalPages !== null && detail.page > detail.totalPages) {
      context.addIssue({ code: "custom", path: ["page"], message: `page ${detail.page} is beyond totalPages ${detail.totalPages}` });
    }
  });

export const HEALTH_DETAIL_TYPES = ["AWS Health Event", "AWS Health Abuse Event"] as const;

export const healthEventEnvelopeSchema = z.object(
  {
    version: optionalText,
    id: requiredText(),
    "detail-type": requiredText(`"${HEALTH_DETAIL_TYPES.join('" or "')}"`).refine(
      (type) => type.startsWith("AWS Health"),
      `must be an AWS Health detail type ("${HEALTH_DETAIL_TYPES.join('" or "')}")`,
    ),
    source: z.literal("aws.health", { error: "must be \"aws.health\" (match the rule on source aws.health)" }),
    account: z.string({ error: required("a 12-digit AWS account id") }).regex(/^\d{12}$/, "must be a 12-digit AWS account id"),
    time: healthDate,
    region: optionalText,
    resources: z.array(z.string(), { error: "must be a list of strings" }).nullish(),
    detail: healthEventDetailSchema,
  },
  { error: "must be an aws.health event object" },
);

export type HealthEventEnvelope = z.output<typeof healthEventEnvelopeSchema>;
export type HealthEventDetail = z.output<typeof healthEventDetailSchema>;
