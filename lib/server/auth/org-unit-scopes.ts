import { z } from "zod";
import { ORG_UNIT_ENTRY } from "@/lib/server/config/config-schema";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import type { Logger } from "@/lib/server/logging/create-logger";

/**
 * Account scopes by organization unit. The leader resolves each root or OU named in HEALTHDECK_ACCOUNT_GROUPS to its
 * accounts (lib/server/poller/create-org-units-job.ts) and keeps the result in the store's meta, so every replica
 * grants the same accounts. Fail-closed: a unit never resolved, or last resolved longer ago than the staleness limit,
 * grants nothing.
 */
export const ORG_UNITS_META = "auth.org-units";


const unitStateSchema = z.object({
  /** the accounts under the unit (nested units included) at `resolvedAt`; null: never resolved */
  accounts: z.array(z.string().regex(/^\d{12}$/)).max(20_000).nullable(),
  resolvedAt: z.number().nullable(),
  /** the last refresh's failure, shown to admins; null after a success */
  error: z.string().max(500).nullable(),
  checkedAt: z.number(),
});
export const orgUnitMembershipSchema = z.object({ units: z.record(z.string().regex(ORG_UNIT_ENTRY), unitStateSchema) });
export type OrgUnitState = z.infer<typeof unitStateSchema>;
export type OrgUnitMembership = z.infer<typeof orgUnitMembershipSchema>;

export const isOrgUnitEntry = (entry: string) => ORG_UNIT_ENTRY.test(entry);

/** The roots and OUs the account groups name, each once. */
export function listOrgUnitEntries(accountGroups: Readonly<Record<string, readonly string[]>>): string[] {
  return [...new Set(Object.values(accountGroups).flat().filter(isOrgUnitEntry))].sort();
}

/** The accounts a unit grants now, or null (unknown: never resolved, or stale past `maxAgeMs`). */
export function grantedAccounts(state: OrgUnitState | undefined, nowMs: number, maxAgeMs: number): readonly string[] | null {
  if (state === undefined || state.accounts === null || state.resolvedAt === null) return null;
  return nowMs - state.resolvedAt <= maxAgeMs ? state.accounts : null;
}

export async function readOrgUnitMembership(store: Pick<HealthdeckStore, "meta">): Promise<OrgUnitMembership> {
  const raw = await store.meta.get(ORG_UNITS_META);
  if (raw === null) return { units: {} };
  try {
    const parsed = orgUnitMembershipSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { units: {} };
  } catch {
    return { units: {} };
  }
}

/** Another replica's refresh is seen within this long; this process's own commits are seen within a second. */
const REREAD_MS = 30_000;
const REREAD_AFTER_COMMIT_MS = 1_000;

export interface OrgUnitScopes {
  /** reads the stored membership again when it may have changed; cheap otherwise (one comparison) */
  ensureFresh(): Promise<void>;
  /** the accounts a unit grants, or null when its membership is unknown (grants nothing) */
  accountsOf(unitId: string): readonly string[] | null;
  snapshot(): OrgUnitMembership;
}

export function createOrgUnitScopes(deps: { store: Pick<HealthdeckStore, "meta" | "version">; now: () => number; maxAgeMs: number; logger: Logger }): OrgUnitScopes {
  let membership: OrgUnitMembership = { units: {} };
  let readAt = Number.NEGATIVE_INFINITY;
  let readVersion = -1;
  let reading: Promise<void> | null = null;
  const isStale = () => {
    const age = deps.now() - readAt;
    return age >= REREAD_MS || (deps.store.version !== readVersion && age >= REREAD_AFTER_COMMIT_MS);
  };
  return {
    ensureFresh() {
      if (!isStale()) return Promise.resolve();
      reading ??= (async () => {
        const version = deps.store.version;
        try {
          membership = await readOrgUnitMembership(deps.store);
        } catch (error) {
          deps.logger.warn("organization unit scopes not read; the last read stays until it is stale", { error: error instanceof Error ? error.message : String(error) });
        }
        readAt = deps.now();
        readVersion = version;
      })().finally(() => {
        reading = null;
      });
      return reading;
    },
    accountsOf: (unitId) => grantedAccounts(membership.units[unitId], deps.now(), deps.maxAgeMs),
    snapshot: () => membership,
  };
}
