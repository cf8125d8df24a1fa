import type { HealthdeckConfig } from "@/lib/server/config/config-schema";
import type { Logger } from "@/lib/server/logging/create-logger";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import type { NewAuditEntry } from "@/lib/server/store/contract/auth-contract";
import { createCookieSealer, type CookieSealer } from "@/lib/server/auth/seal-cookie";
import type { RoleMapping } from "@/lib/server/auth/resolve-roles";
import { createOrgUnitScopes, listOrgUnitEntries, type OrgUnitScopes } from "@/lib/server/auth/org-unit-scopes";

/** A failed refresh keeps the last membership this long (three refreshes); after that the OU grants nothing. */
export const orgUnitMaxAgeMs = (config: Pick<HealthdeckConfig, "HEALTHDECK_OU_REFRESH_SECONDS">) => 3 * config.HEALTHDECK_OU_REFRESH_SECONDS * 1000;

/** What authorization needs from the process; the runtime's in production, built by hand in tests. */
export interface AuthContext {
  config: HealthdeckConfig;
  store: Pick<HealthdeckStore, "authTokens" | "audit" | "write" | "meta" | "version">;
  logger: Logger;
  now: () => number;
  /** null unless HEALTHDECK_SESSION_SECRET is set */
  sealer: CookieSealer | null;
  /** cookies get Secure and the __Host- prefix when the public URL is https */
  isSecure: boolean;
  roles: RoleMapping;
  /** the accounts of the OUs named in HEALTHDECK_ACCOUNT_GROUPS, as the store holds them; null when none is named */
  orgUnits: OrgUnitScopes | null;
  /** token id → when its last use was written: a busy script writes once a minute, not on every request */
  lastUseWrites: Map<string, number>;
}

export function createAuthContext(deps: Pick<AuthContext, "config" | "store" | "logger" | "now">): AuthContext {
  const { config } = deps;
  const orgUnits =
    listOrgUnitEntries(config.HEALTHDECK_ACCOUNT_GROUPS).length === 0
      ? null
      : createOrgUnitScopes({ store: deps.store, now: deps.now, maxAgeMs: orgUnitMaxAgeMs(config), logger: deps.logger });
  return {
    ...deps,
    orgUnits,
    sealer: config.HEALTHDECK_SESSION_SECRET ? createCookieSealer(config.HEALTHDECK_SESSION_SECRET, deps.now) : null,
    isSecure: config.HEALTHDECK_PUBLIC_URL?.startsWith("https://") ?? false,
    roles: {
      adminGroups: config.HEALTHDECK_ADMIN_GROUPS,
      viewerGroups: config.HEALTHDECK_VIEWER_GROUPS,
      accountGroups: config.HEALTHDECK_ACCOUNT_GROUPS,
      ...(orgUnits ? { accountsOfUnit: orgUnits.accountsOf } : {}),
    },
    lastUseWrites: new Map(),
  };
}

/** Into the store (the admin page) and the log (redacted there like every line); an audit failure never fails a request. */
export async function recordAudit(context: Pick<AuthContext, "store" | "logger">, entry: NewAuditEntry): Promise<void> {
  context.logger.info("audit", { actor: entry.actor, action: entry.action, subject: entry.subject, detail: entry.detail, address: entry.address });
  try {
    await context.store.write((tx) => tx.audit.append(entry));
  } catch (error) {
    context.logger.error("audit entry not stored", { action: entry.action, error: error instanceof Error ? error.message : String(error) });
  }
}
