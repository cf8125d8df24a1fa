import { z } from "zod";
import {
  accountImpactSchema,
  addAffectedEntitiesActionSchema,
  closeAccountEventActionSchema,
  openAccountEventActionSchema,
  scenarioAccountSchema,
  updateAccountEventActionSchema,
  updateEntitiesActionSchema,
} from "@/lib/simulator/account-scenario-schema";
import { checkAccountLifecycles } from "@/lib/simulator/check-account-lifecycles";

/** AWS levels: 0 operating normally, 1 "Service impact", 2 "Service degradation", 3 "Service disruption". */
export const levelSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type Level = z.infer<typeof levelSchema>;
const openLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const keySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "key must be a service slug such as ec2-us-east-1");
const idSchema = z.string().min(1).max(100);
const textSchema = z.string().min(1).max(20_000);

export const impactedServiceInputSchema = z.strictObject({
  key: keySchema,
  level: levelSchema,
  serviceName: z.string().min(1).max(200).optional(),
});
export type ImpactedServiceInput = z.infer<typeof impactedServiceInputSchema>;

export const openEventActionSchema = z.strictObject({
  type: z.literal("open-event"),
  id: idSchema,
  key: keySchema,
  /** Region code (`us-east-1`) or `global`; goes into the ARN. */
  region: z.string().regex(/^[a-z0-9-]{2,40}$/, "region must be a region code or global"),
  /** Overrides the catalog's label (`Oregon`) for region_name. */
  regionName: z.string().min(1).max(100).optional(),
  serviceName: z.string().min(1).max(200).optional(),
  /** ARN type code, e.g. AWS_EC2_OPERATIONAL_ISSUE. */
  typeCode: z.string().regex(/^[A-Z0-9_]{3,100}$/, "typeCode must be upper-case like AWS_EC2_OPERATIONAL_ISSUE"),
  /** ARN service part; defaults to the middle of the type code (AWS_<SERVICE>_OPERATIONAL_ISSUE). */
  arnService: z.string().regex(/^[A-Z0-9_]{2,60}$/).optional(),
  summary: z.string().min(1).max(500),
  level: openLevelSchema,
  message: textSchema,
  impacted: z.array(impactedServiceInputSchema).max(500).optional(),
  /** The Health API also gets this incident as a PUBLIC event (same ARN), with the accounts' affected entities. */
  accountImpact: accountImpactSchema.optional(),
});

export const updateEventActionSchema = z.strictObject({
  type: z.literal("update-event"),
  id: idSchema,
  message: textSchema,
  /** New event level; defaults to the current one. */
  level: openLevelSchema.optional(),
  /** Summary of this event_log entry (and RSS title); defaults to the previous entry's. */
  summary: z.string().min(1).max(500).optional(),
  /** Sets these impacted services' current levels (0 = recovered); new keys are added. */
  impacted: z.array(impactedServiceInputSchema).max(500).optional(),
});

export const resolveEventActionSchema = z.strictObject({
  type: z.literal("resolve-event"),
  id: idSchema,
  message: textSchema,
  /** Headline of the closing entry, before the `[RESOLVED] ` prefix; defaults to the previous entry's. */
  summary: z.string().min(1).max(500).optional(),
});

export const expireEventActionSchema = z.strictObject({
  type: z.literal("expire-event"),
  id: idSchema,
});

export const scenarioActionSchema = z.discriminatedUnion("type", [
  openEventActionSchema,
  updateEventActionSchema,
  resolveEventActionSchema,
  expireEventActionSchema,
  openAccountEventActionSchema,
  updateAccountEventActionSchema,
  addAffectedEntitiesActionSchema,
  updateEntitiesActionSchema,
  closeAccountEventActionSchema,
]);
export type ScenarioAction = z.infer<typeof scenarioActionSchema>;
export type OpenEventAction = z.infer<typeof openEventActionSchema>;
export type UpdateEventAction = z.infer<typeof updateEventActionSchema>;
export type ResolveEventAction = z.infer<typeof resolveEventActionSchema>;

export const scenarioStepSchema = z.strictObject({
  label: z.string().max(200).optional(),
  /** Seconds from the simulator's start (or last reset); negative for history. Without it, the clock stamps the step. */
  at: z.number().int().min(-10 * 365 * 86_400).max(365 * 86_400).optional(),
  actions: z.array(scenarioActionSchema).min(1).max(100_000),
});
export type ScenarioStep = z.infer<typeof scenarioStepSchema>;

export const scenarioSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "name must be kebab-case"),
    description: z.string().max(2_000).optional(),
    /** Accounts of the fake Health API; default one management account, 123456789012. */
    accounts: z.array(scenarioAccountSchema).min(1).max(50).optional(),
    steps: z.array(scenarioStepSchema).max(100_000),
  })
  .superRefine(checkEventLifecycles)
  .superRefine(checkAccountLifecycles);
export type Scenario = z.infer<typeof scenarioSchema>;

type Lifecycle = "open" | "resolved" | "expired";
type PublicAction = OpenEventAction | UpdateEventAction | ResolveEventAction | z.infer<typeof expireEventActionSchema>;
const ALLOWED_FROM: Record<PublicAction["type"], ReadonlyArray<Lifecycle | undefined>> = {
  "open-event": [undefined, "expired"],
  "update-event": ["open"],
  "resolve-event": ["open"],
  "expire-event": ["resolved"],
};
const NEXT_STATE: Record<PublicAction["type"], Lifecycle> = {
  "open-event": "open",
  "update-event": "open",
  "resolve-event": "resolved",
  "expire-event": "expired",
};

/** Every action must find its event in a state that allows it: open → update* → resolve → expire → open again. */
function checkEventLifecycles(scenario: { steps: ScenarioStep[] }, ctx: z.RefinementCtx): void {
  const states = new Map<string, Lifecycle>();
  scenario.steps.forEach((step, stepIndex) => {
    step.actions.forEach((action, actionIndex) => {
      if (!isPublicAction(action)) return;
      const current = states.get(action.id);
      if (!ALLOWED_FROM[action.type].includes(current)) {
        ctx.addIssue({
          code: "custom",
          path: ["steps", stepIndex, "actions", actionIndex],
          message: `${action.type} "${action.id}" is not allowed when the event is ${current ?? "not opened"}`,
        });
        return;
      }
      states.set(action.id, NEXT_STATE[action.type]);
    });
  });
}

function isPublicAction(action: ScenarioAction): action is PublicAction {
  return Object.hasOwn(NEXT_STATE, action.type);
}
