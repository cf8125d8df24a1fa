import { createHash } from "node:crypto";
import type { EntityGenerator, EntityInput, UpdateEntitiesAction } from "@/lib/simulator/account-scenario-schema";
import type { HealthEntity, HealthEvent } from "@/lib/simulator/account-world";

/** Builds, generates and re-statuses an event's affected entities. */

export function buildEntities(
  event: HealthEvent,
  inputs: readonly EntityInput[],
  defaultAccount: string,
  atMs: number,
): HealthEntity[] {
  return inputs.map((input) => {
    const account = input.account ?? defaultAccount;
    return {
      entityArn: input.arn ?? entityArn(event.region, account, digest(`${event.arn}|${account}|${input.value}`)),
      eventArn: event.arn,
      entityValue: input.value,
      entityUrl: input.url ?? null,
      awsAccountId: account,
      lastUpdatedMs: atMs,
      statusCode: input.status ?? null,
      metadata: input.metadata ?? null,
    };
  });
}

/** Cheap on purpose (no hashing per entity): benchmarks generate 100,000 of these. */
export function generateEntities(
  event: HealthEvent,
  generator: EntityGenerator,
  defaultAccounts: readonly string[],
  atMs: number,
): HealthEntity[] {
  const accounts = generator.accounts ?? defaultAccounts;
  const arnPrefixes = accounts.map((account) => `arn:aws:health:${event.region}:${account}:entity/${digest(event.arn).slice(0, 10)}`);
  const valuePrefix = generator.valuePrefix ?? `${event.service.toLowerCase()}-resource-`;
  const metadata = generator.metadata ?? null;
  const bounds = Object.entries(generator.statuses ?? {});
  let status: string | null = bounds[0]?.[0] ?? generator.status ?? null;
  let statusUntil = bounds[0]?.[1] ?? Number.POSITIVE_INFINITY;
  let boundIndex = 0;
  const first = event.entities.length;
  const entities: HealthEntity[] = [];
  for (let offset = 0; offset < generator.count; offset += 1) {
    while (offset >= statusUntil) {
      boundIndex += 1;
      const next = bounds[boundIndex];
      status = next ? next[0] : (generator.status ?? null);
      statusUntil = next ? statusUntil + (next[1] ?? 0) : Number.POSITIVE_INFINITY;
    }
    const n = first + offset + 1;
    const accountIndex = offset % accounts.length;
    entities.push({
      entityArn: `${arnPrefixes[accountIndex] ?? ""}${n.toString(36).padStart(5, "0")}`,
      eventArn: event.arn,
      entityValue: `${valuePrefix}${String(n).padStart(6, "0")}`,
      entityUrl: null,
      awsAccountId: accounts[accountIndex] ?? "",
      lastUpdatedMs: atMs,
      statusCode: status,
      metadata,
    });
  }
  return entities;
}

/** Applies each change to the matching entities in insertion order; returns how many changed. */
export function changeEntityStatuses(event: HealthEvent, changes: UpdateEntitiesAction["changes"], atMs: number): number {
  let changed = 0;
  for (const change of changes) {
    const values = change.values ? new Set(change.values) : null;
    let remaining = change.count ?? Number.POSITIVE_INFINITY;
    for (const entity of event.entities) {
      if (remaining <= 0) break;
      if (change.from !== undefined && entity.statusCode !== change.from) continue;
      if (values && !values.has(entity.entityValue)) continue;
      if (change.account !== undefined && entity.awsAccountId !== change.account) continue;
      entity.statusCode = change.to;
      entity.lastUpdatedMs = atMs;
      remaining -= 1;
      changed += 1;
    }
  }
  return changed;
}

function entityArn(region: string, account: string, id: string): string {
  return `arn:aws:health:${region}:${account}:entity/${id}`;
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("base64url").replace(/[-_]/g, "x").slice(0, 20);
}
