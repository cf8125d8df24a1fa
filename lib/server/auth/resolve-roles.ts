import type { AccountScope, Role } from "@/lib/server/auth/principal";

export interface RoleMapping {
  adminGroups: readonly string[];
  viewerGroups: readonly string[];
  /** group → the only accounts its members may see: account ids, and roots or OUs (ou-…) standing for their accounts */
  accountGroups: Readonly<Record<string, readonly string[]>>;
  /** a root's or OU's accounts, or null while unknown (it then grants nothing); absent: no unit is named */
  accountsOfUnit?: (unitId: string) => readonly string[] | null;
}

export type ResolvedAccess = { ok: true; role: Role; accounts: AccountScope } | { ok: false; reason: string };

/**
 * Groups → role and account scope. Admins see every account. A member of an account group is a viewer limited to
 * the union of its account groups' accounts, even when also in a viewer group; a viewer in no account group sees
 * every account. An OU whose accounts are unknown adds none (fail-closed). No mapped group: no access (403).
 */
export function resolveAccess(groups: readonly string[], mapping: RoleMapping): ResolvedAccess {
  const member = new Set(groups);
  if (mapping.adminGroups.some((group) => member.has(group))) return { ok: true, role: "admin", accounts: "all" };
  const scoped = Object.entries(mapping.accountGroups).filter(([group]) => member.has(group));
  if (scoped.length > 0) {
    const accounts = scoped.flatMap(([, entries]) => entries.flatMap((entry) => (/^\d{12}$/.test(entry) ? [entry] : (mapping.accountsOfUnit?.(entry) ?? []))));
    return { ok: true, role: "viewer", accounts: [...new Set(accounts)].sort() };
  }
  if (mapping.viewerGroups.some((group) => member.has(group))) return { ok: true, role: "viewer", accounts: "all" };
  return { ok: false, reason: "none of your groups is allowed to use Healthdeck" };
}

/** The groups claim as providers send it: an array of strings, or one string (space- or comma-separated). */
export function readGroupsClaim(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === "string").slice(0, 500);
  if (typeof value === "string") return value.split(/[\s,]+/).filter((part) => part.length > 0).slice(0, 500);
  return [];
}
