import type { HealthdeckConfig } from "@/lib/server/config/config-schema";
import type { Logger } from "@/lib/server/logging/create-logger";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { createAuthContext } from "@/lib/server/auth/auth-context";
import { authorizeHeaders } from "@/lib/server/auth/identify-principal";
import type { GuardAccess } from "@/lib/server/exposed-key/exposed-key-guard";

/** The guard's view of sign-in: admins per lib/server/auth, audit lines in the store's audit log. */
export function createGuardAccess(deps: { config: HealthdeckConfig; store: HealthdeckStore; logger: Logger; now: () => number }): GuardAccess {
  const context = createAuthContext({ config: deps.config, store: deps.store, logger: deps.logger, now: deps.now });
  return {
    async identify(request) {
      const admin = await authorizeHeaders(request.headers, "admin", context);
      if (admin.ok) return { actor: admin.principal.name, isAdmin: true, isSignedIn: true };
      const anyone = await authorizeHeaders(request.headers, "read-status", context);
      const isSignedIn = anyone.ok && anyone.principal.kind !== "anonymous";
      return { actor: anyone.ok ? anyone.principal.name : "anonymous", isAdmin: false, isSignedIn };
    },
    appendAudit: (entry) => deps.store.write((tx) => tx.audit.append(entry)),
  };
}
