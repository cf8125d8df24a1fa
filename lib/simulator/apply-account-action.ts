import { createHash } from "node:crypto";
import { buildEntities, changeEntityStatuses, generateEntities } from "@/lib/simulator/account-entities";
import type {
  AccountScenarioAction,
  EntityGenerator,
  EntityInput,
  OpenAccountEventAction,
  UpdateAccountEventAction,
} from "@/lib/simulator/account-scenario-schema";
import { ensureAccount, findAccountEvent, managementAccountId, type AccountWorld, type HealthEvent } from "@/lib/simulator/account-world";

/** Applies one account-side scenario action; `at` is the step's epoch seconds. */
export function applyAccountAction(world: AccountWorld, action: AccountScenarioAction, context: { at: number; scenarioName: string }): void {
  world.version += 1;
  const atMs = stampMs(context.at, action.id);
  switch (action.type) {
    case "open-account-event":
      openAccountEvent(world, action, context, atMs);
      return;
    case "update-account-event":
      updateAccountEvent(findAccountEvent(world, action.id), action, context.at, atMs);
      return;
    case "add-affected-entities": {
      const event = findAccountEvent(world, action.id);
      addEntities(world, event, action, defaultEntityAccounts(world, event), atMs);
      if (action.touchEvent !== false) touch(event, atMs);
      return;
    }
    case "update-entities": {
      const event = findAccountEvent(world, action.id);
      if (changeEntityStatuses(event, action.changes, atMs) > 0 && action.touchEvent !== false) touch(event, atMs);
      return;
    }
    case "close-account-event": {
      const event = findAccountEvent(world, action.id);
      event.statusCode = "closed";
      event.endMs = offsetMs(context.at, action.endOffset ?? 0, atMs);
      if (action.description !== undefined) event.description = action.description;
      touch(event, atMs);
    }
  }
}

function openAccountEvent(world: AccountWorld, action: OpenAccountEventAction, context: { at: number; scenarioName: string }, atMs: number) {
  const scope = action.scope ?? "ACCOUNT_SPECIFIC";
  const accounts = action.accounts ?? (scope === "PUBLIC" ? [] : [managementAccountId(world)]);
  for (const account of accounts) ensureAccount(world, account);
  const event: HealthEvent = {
    id: action.id,
    arn: action.arn ?? buildAccountEventArn(context.scenarioName, action, context.at),
    service: action.service,
    eventTypeCode: action.eventTypeCode,
    eventTypeCategory: action.category,
    region: action.region,
    availabilityZone: action.availabilityZone ?? null,
    startMs: offsetMs(context.at, action.startOffset ?? 0, atMs),
    endMs: action.endOffset === undefined ? null : offsetMs(context.at, action.endOffset, atMs),
    lastUpdatedMs: atMs,
    statusCode: action.status ?? "open",
    scope,
    accounts,
    description: action.description,
    metadata: action.metadata ?? null,
    actionability: action.actionability ?? null,
    personas: action.personas ?? null,
    entities: [],
    publicEventId: null,
  };
  world.events.set(event.arn, event);
  world.idToArn.set(action.id, event.arn);
  addEntities(world, event, action, defaultEntityAccounts(world, event), atMs);
}

function updateAccountEvent(event: HealthEvent, action: UpdateAccountEventAction, at: number, atMs: number): void {
  if (action.description !== undefined) event.description = action.description;
  if (action.status !== undefined) event.statusCode = action.status;
  if (action.startOffset !== undefined) event.startMs = offsetMs(at, action.startOffset, atMs);
  if (action.endOffset !== undefined) event.endMs = offsetMs(at, action.endOffset, atMs);
  if (action.metadata !== undefined) event.metadata = action.metadata;
  if (action.actionability !== undefined) event.actionability = action.actionability;
  if (action.personas !== undefined) event.personas = action.personas;
  for (const account of action.accounts ?? []) if (!event.accounts.includes(account)) event.accounts.push(account);
  const updatedMs = action.lastUpdatedOffset === undefined ? atMs : offsetMs(at, action.lastUpdatedOffset, atMs);
  event.lastUpdatedMs = Math.max(event.lastUpdatedMs + 1, updatedMs);
}

export function addEntities(
  world: AccountWorld,
  event: HealthEvent,
  source: { entities?: EntityInput[]; generate?: EntityGenerator },
  defaultAccounts: readonly string[],
  atMs: number,
): void {
  const explicit = buildEntities(event, source.entities ?? [], defaultAccounts[0] ?? managementAccountId(world), atMs);
  const generated = source.generate ? generateEntities(event, source.generate, defaultAccounts, atMs) : [];
  const accounts = new Set<string>();
  for (const added of [explicit, generated]) {
    for (const entity of added) {
      event.entities.push(entity);
      accounts.add(entity.awsAccountId);
    }
  }
  for (const account of accounts) ensureAccount(world, account);
}

function defaultEntityAccounts(world: AccountWorld, event: HealthEvent): string[] {
  return event.scope === "ACCOUNT_SPECIFIC" && event.accounts.length > 0 ? event.accounts : [managementAccountId(world)];
}

/** The event's lastUpdatedTime only moves forward, even when two changes share a millisecond. */
export function touch(event: HealthEvent, atMs: number): void {
  event.lastUpdatedMs = Math.max(event.lastUpdatedMs + 1, atMs);
}

/**
 * Epoch ms with a deterministic sub-second part, so timestamps look like AWS's (`1589086345.905`) and events
 * updated in the same step still sort in a stable, distinct order.
 */
export function stampMs(atSeconds: number, salt: string): number {
  const fraction = createHash("sha256").update(salt).digest().readUInt16BE(0) % 1000;
  return atSeconds * 1000 + fraction;
}

function offsetMs(atSeconds: number, offsetSeconds: number, atMs: number): number {
  return offsetSeconds === 0 ? atMs : (atSeconds + offsetSeconds) * 1000 + (atMs % 1000);
}

function buildAccountEventArn(scenarioName: string, action: OpenAccountEventAction, openedAt: number): string {
  const hex = createHash("sha256").update(`${scenarioName}|${action.id}|${openedAt}`).digest("hex");
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `arn:aws:health:${action.region}::event/${action.service}/${action.eventTypeCode}/${action.eventTypeCode}_${id}`;
}
