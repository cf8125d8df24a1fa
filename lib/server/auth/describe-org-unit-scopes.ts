import { orgUnitMaxAgeMs, type AuthContext } from "@/lib/server/auth/auth-context";
import { grantedAccounts, listOrgUnitEntries, readOrgUnitMembership } from "@/lib/server/auth/org-unit-scopes";

/** One root or OU of HEALTHDECK_ACCOUNT_GROUPS as the admin page shows it: what it grants now, and why not when nothing. */
export interface OrgUnitScopeView {
  unitId: string;
  groups: string[];
  /** null: grants nothing now (never resolved, or stale) */
  accounts: readonly string[] | null;
  resolvedAt: number | null;
  checkedAt: number | null;
  error: string | null;
}

export async function describeOrgUnitScopes(context: Pick<AuthContext, "config" | "store" | "now">): Promise<OrgUnitScopeView[]> {
  const groups = context.config.HEALTHDECK_ACCOUNT_GROUPS;
  const units = listOrgUnitEntries(groups);
  if (units.length === 0) return [];
  const membership = await readOrgUnitMembership(context.store);
  const now = context.now();
  return units.map((unitId) => {
    const state = membership.units[unitId];
    return {
      unitId,
      groups: Object.entries(groups).filter(([, entries]) => entries.includes(unitId)).map(([group]) => group),
      accounts: grantedAccounts(state, now, orgUnitMaxAgeMs(context.config)),
      resolvedAt: state?.resolvedAt ?? null,
      checkedAt: state?.checkedAt ?? null,
      error: state?.error ?? null,
    };
  });
}
