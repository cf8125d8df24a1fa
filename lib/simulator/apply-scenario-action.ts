import { createHash } from "node:crypto";
import { ACCOUNT_ACTION_TYPES, type AccountScenarioAction } from "@/lib/simulator/account-scenario-schema";
import { applyAccountAction } from "@/lib/simulator/apply-account-action";
import type { RawCatalogEntry } from "@/lib/simulator/default-catalog";
import { mirrorPublicChange, mirrorPublicOpen, releasePublicMirror } from "@/lib/simulator/mirror-public-event";
import { labelRegion } from "@/lib/simulator/region-labels";
import type {
  ImpactedServiceInput,
  Level,
  OpenEventAction,
  ScenarioAction,
  UpdateEventAction,
} from "@/lib/simulator/scenario-schema";
import { publishUpdate, type SimEvent, type WorldState } from "@/lib/simulator/world-state";

export const RESOLVED_PREFIX = "[RESOLVED] ";

export interface ActionContext {
  catalog: ReadonlyMap<string, RawCatalogEntry>;
  /** Epoch seconds that stamp this step's updates. */
  at: number;
}

export function applyScenarioAction(world: WorldState, action: ScenarioAction, context: ActionContext): void {
  if (isAccountAction(action)) {
    applyAccountAction(world.account, action, { at: context.at, scenarioName: world.scenarioName });
    return;
  }
  world.version += 1;
  if (action.type === "open-event") {
    const event = openEvent(world, action, context);
    if (action.accountImpact) mirrorPublicOpen(world.account, event, action.accountImpact);
    return;
  }
  const event = findLiveEvent(world, action.id);
  if (action.type === "update-event") updateEvent(world, event, action, context);
  else if (action.type === "resolve-event") resolveEvent(world, event, action.message, action.summary, context.at);
  else {
    event.expired = true;
    releasePublicMirror(world.account, event);
    return;
  }
  mirrorPublicChange(world.account, event);
}

function isAccountAction(action: ScenarioAction): action is AccountScenarioAction {
  return (ACCOUNT_ACTION_TYPES as readonly string[]).includes(action.type);
}

function openEvent(world: WorldState, action: OpenEventAction, { catalog, at }: ActionContext): SimEvent {
  const entry = catalog.get(action.key);
  const serviceName =
    action.serviceName ?? entry?.service_name ?? (action.key.startsWith("multipleservices") ? "Multiple services" : action.key);
  const regionName = action.regionName ?? (entry?.region_name || labelRegion(action.region));
  const event: SimEvent = {
    id: action.id,
    arn: "",
    key: action.key,
    region: action.region,
    regionName,
    serviceName,
    summary: action.summary,
    level: action.level,
    date: at,
    endTime: null,
    log: [],
    impacted: action.impacted ? new Map() : null,
    changes: [],
    expired: false,
  };
  event.date = publishUpdate(world, event, { summary: action.summary, message: action.message, status: action.level }, at);
  event.arn = buildArn(world.scenarioName, action, event.date);
  if (action.impacted) setImpactedLevels(event, action.impacted, catalog, event.date);
  world.events.push(event);
  if (!entry) {
    world.extraFeeds.set(action.key, { serviceName, regionLabel: action.region === "global" ? null : regionName });
  }
  return event;
}

function updateEvent(world: WorldState, event: SimEvent, action: UpdateEventAction, { catalog, at }: ActionContext): void {
  const level = action.level ?? event.level;
  const summary = action.summary ?? lastLogSummary(event);
  const epoch = publishUpdate(world, event, { summary, message: action.message, status: level }, at);
  event.level = level;
  if (action.impacted) {
    event.impacted ??= new Map();
    setImpactedLevels(event, action.impacted, catalog, epoch);
  }
}

function resolveEvent(world: WorldState, event: SimEvent, message: string, summary: string | undefined, at: number): void {
  const headline = stripResolved(summary ?? lastLogSummary(event));
  const epoch = publishUpdate(world, event, { summary: `${RESOLVED_PREFIX}${headline}`, message, status: 0 }, at);
  event.level = 0;
  event.summary = `${RESOLVED_PREFIX}${stripResolved(event.summary)}`;
  event.endTime = epoch;
  if (event.impacted) {
    const recovered = [...event.impacted.keys()].map((key) => ({ key, level: 0 as const }));
    setImpactedLevels(event, recovered, new Map(), epoch);
  }
}

function setImpactedLevels(
  event: SimEvent,
  inputs: ImpactedServiceInput[],
  catalog: ReadonlyMap<string, RawCatalogEntry>,
  epoch: number,
): void {
  const impacted = event.impacted ?? new Map();
  for (const input of inputs) {
    const existing = impacted.get(input.key);
    const previous: Level = existing?.current ?? 0;
    const serviceName = input.serviceName ?? existing?.serviceName ?? catalog.get(input.key)?.service_name ?? input.key;
    const max = maxLevel(existing?.max ?? 0, input.level);
    impacted.set(input.key, { serviceName, current: input.level, max });
    if (previous !== input.level) {
      event.changes.push({ service: input.key, serviceName, previous, current: input.level, timestampMs: epoch * 1000 });
    }
  }
  event.impacted = impacted;
}

function maxLevel(a: Level, b: Level): Level {
  return a >= b ? a : b;
}

function findLiveEvent(world: WorldState, id: string): SimEvent {
  const event = world.events.find((candidate) => candidate.id === id && !candidate.expired);
  if (!event) throw new Error(`scenario refers to event "${id}", which is not in the world`);
  return event;
}

function lastLogSummary(event: SimEvent): string {
  return event.log.at(-1)?.summary ?? event.summary;
}

function stripResolved(summary: string): string {
  return summary.startsWith(RESOLVED_PREFIX) ? summary.slice(RESOLVED_PREFIX.length) : summary;
}

/** Deterministic per scenario, event and opening second, so a replayed scenario gets fresh ARNs. */
function buildArn(scenarioName: string, action: OpenEventAction, openedAt: number): string {
  const digest = createHash("sha256").update(`${scenarioName}|${action.id}|${openedAt}`).digest("hex").toUpperCase();
  const service = action.arnService ?? action.typeCode.match(/^AWS_(.+)_OPERATIONAL_ISSUE$/)?.[1] ?? action.typeCode;
  const id = `${action.typeCode}_${digest.slice(0, 5)}_${digest.slice(5, 16)}`;
  return `arn:aws:health:${action.region}::event/${service}/${action.typeCode}/${id}`;
}
