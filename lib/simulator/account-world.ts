import type { ScenarioAccount } from "@/lib/simulator/account-scenario-schema";

/** What the fake AWS Health API serves. Times are epoch milliseconds (the wire sends fractional seconds). */

export const DEFAULT_ACCOUNT_ID = "123456789012";

export interface SimAccount {
  id: string;
  name: string;
  supportPlan: boolean;
  management: boolean;
}

export interface HealthEntity {
  entityArn: string;
  eventArn: string;
  entityValue: string;
  entityUrl: string | null;
  awsAccountId: string;
  lastUpdatedMs: number;
  /** null: no statusCode on the wire (account-level entities). */
  statusCode: string | null;
  metadata: Record<string, string> | null;
}

export interface HealthEvent {
  /** Scenario id (of the account event, or of the public event it mirrors). */
  id: string;
  arn: string;
  service: string;
  eventTypeCode: string;
  eventTypeCategory: string;
  region: string;
  availabilityZone: string | null;
  startMs: number;
  endMs: number | null;
  lastUpdatedMs: number;
  statusCode: string;
  scope: "PUBLIC" | "ACCOUNT_SPECIFIC";
  /** ACCOUNT_SPECIFIC: the affected accounts. PUBLIC: the accounts that see it, empty meaning all. */
  accounts: string[];
  description: string;
  metadata: Record<string, string> | null;
  actionability: string | null;
  personas: string[] | null;
  entities: HealthEntity[];
  /** The public simulator event this one mirrors, if any. */
  publicEventId: string | null;
}

export interface AccountWorld {
  accounts: SimAccount[];
  /** By ARN, in the order they opened. */
  events: Map<string, HealthEvent>;
  /** Scenario id → ARN of its current event. */
  idToArn: Map<string, string>;
  /** Bumped on every account-side change, so cached query results know when to recompute. */
  version: number;
}

export function createAccountWorld(declared: readonly ScenarioAccount[] | undefined): AccountWorld {
  const source = declared && declared.length > 0 ? declared : [{ id: DEFAULT_ACCOUNT_ID, management: true }];
  const managementId = source.find((account) => account.management)?.id ?? source[0]?.id;
  const accounts = source.map((account) => ({
    id: account.id,
    name: account.name ?? `account-${account.id.slice(-4)}`,
    supportPlan: account.supportPlan ?? true,
    management: account.id === managementId,
  }));
  return { accounts, events: new Map(), idToArn: new Map(), version: 0 };
}

export function managementAccountId(world: AccountWorld): string {
  return world.accounts.find((account) => account.management)?.id ?? world.accounts[0]?.id ?? DEFAULT_ACCOUNT_ID;
}

/** Adds an account a scenario refers to without declaring it (only possible when it declares none). */
export function ensureAccount(world: AccountWorld, id: string): void {
  if (world.accounts.some((account) => account.id === id)) return;
  world.accounts.push({ id, name: `account-${id.slice(-4)}`, supportPlan: true, management: false });
}

export function findAccountEvent(world: AccountWorld, id: string): HealthEvent {
  const arn = world.idToArn.get(id);
  const event = arn === undefined ? undefined : world.events.get(arn);
  if (!event) throw new Error(`scenario refers to account event "${id}", which is not in the world`);
  return event;
}

/** A deep copy, for a listener that serves older data (the passive endpoint of a failover pair). */
export function cloneAccountWorld(world: AccountWorld): AccountWorld {
  return structuredClone(world);
}
