import { checkLocale, pageRequestFor, withNextToken, type OperationHandler } from "@/lib/simulator/health-api/health-operation-context";
import { describeEventTypesInputSchema } from "@/lib/simulator/health-api/health-api-inputs";
import { parseHealthInput } from "@/lib/simulator/health-api/parse-health-input";
import type { WireObject } from "@/lib/simulator/health-api/render-health-shapes";

interface EventTypeRow {
  service: string;
  code: string;
  category: string;
  actionability?: string;
  personas?: string[];
}

/** Codes named in AWS documentation and samples; the world's own event types are added to these. */
const KNOWN_EVENT_TYPES: readonly EventTypeRow[] = [
  { service: "EC2", code: "AWS_EC2_OPERATIONAL_ISSUE", category: "issue" },
  { service: "EC2", code: "AWS_EC2_API_ISSUE", category: "issue" },
  { service: "EC2", code: "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", category: "scheduledChange", actionability: "ACTION_REQUIRED", personas: ["OPERATIONS"] },
  { service: "EC2", code: "AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", category: "scheduledChange", actionability: "ACTION_REQUIRED", personas: ["OPERATIONS"] },
  { service: "EBS", code: "AWS_EBS_VOLUME_ATTACHMENT_ISSUE", category: "issue" },
  { service: "LAMBDA", code: "AWS_LAMBDA_OPERATIONAL_ISSUE", category: "issue" },
  { service: "LAMBDA", code: "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", category: "scheduledChange", actionability: "ACTION_REQUIRED", personas: ["OPERATIONS"] },
  { service: "BILLING", code: "AWS_BILLING_NOTIFICATION", category: "accountNotification", personas: ["BILLING"] },
  { service: "BILLING", code: "AWS_BILLING_SUSPENSION_NOTICE", category: "accountNotification", personas: ["BILLING"] },
  { service: "S3", code: "AWS_S3_OPEN_ACCESS_BUCKET_NOTIFICATION", category: "accountNotification", personas: ["SECURITY"] },
  { service: "IAM", code: "AWS_IAM_OPERATIONAL_NOTIFICATION", category: "accountNotification" },
  { service: "SECURITY", code: "AWS_SECURITY_NOTIFICATION", category: "accountNotification", personas: ["SECURITY"] },
  { service: "RISK", code: "AWS_RISK_CREDENTIALS_EXPOSED", category: "issue", actionability: "ACTION_REQUIRED", personas: ["SECURITY"] },
  { service: "RISK", code: "AWS_RISK_CREDENTIALS_COMPROMISED", category: "issue", actionability: "ACTION_REQUIRED", personas: ["SECURITY"] },
  { service: "RISK", code: "AWS_RISK_IAM_QUARANTINE", category: "issue", actionability: "ACTION_REQUIRED", personas: ["SECURITY"] },
];

/** Known types plus the world's, sorted by service and code ("in no particular order" on AWS). */
export const describeEventTypes: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeEventTypesInputSchema, raw, context.names.validation);
  checkLocale(input.locale, context);
  const filter = input.filter ?? {};
  const rows = context.cache.remember(["event-types", filter], context.world, () => {
    const byCode = new Map(KNOWN_EVENT_TYPES.map((row) => [`${row.service}|${row.code}`, row]));
    for (const event of context.world.events.values()) {
      const key = `${event.service}|${event.eventTypeCode}`;
      if (byCode.has(key)) continue;
      byCode.set(key, {
        service: event.service,
        code: event.eventTypeCode,
        category: event.eventTypeCategory,
        ...(event.actionability !== null ? { actionability: event.actionability } : {}),
        ...(event.personas !== null ? { personas: event.personas } : {}),
      });
    }
    const within = (list: readonly string[] | undefined, value: string | undefined) => list === undefined || (value !== undefined && list.includes(value));
    return [...byCode.values()]
      .filter(
        (row) =>
          within(filter.eventTypeCodes, row.code) &&
          within(filter.services, row.service) &&
          within(filter.eventTypeCategories, row.category) &&
          within(filter.actionabilities, row.actionability) &&
          (filter.personas === undefined || (row.personas ?? []).some((persona) => filter.personas?.some((wanted) => wanted === persona))),
      )
      .sort((a, b) => a.service.localeCompare(b.service) || a.code.localeCompare(b.code));
  });
  const page = context.paginator.page(rows, pageRequestFor("DescribeEventTypes", input, context));
  const eventTypes = page.items.map((row): WireObject => {
    const wire: WireObject = { service: row.service, code: row.code, category: row.category };
    if (row.actionability !== undefined && !context.render.omit.has("actionability")) wire.actionability = row.actionability;
    if (row.personas !== undefined && !context.render.omit.has("personas")) wire.personas = row.personas;
    return wire;
  });
  return withNextToken({ eventTypes }, page.nextToken);
};
