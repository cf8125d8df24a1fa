import { isSameOrigin } from "@/lib/server/auth/same-origin";
import type { Logger } from "@/lib/server/logging/create-logger";

/** One line of the audit log: who tried the guarded action on which event, and what came of it. */
export interface ExposedKeyAuditEntry {
  at: number;
  actor: string;
  action: "exposed-key.deactivate";
  eventId: string;
  result: "attempt" | "deactivated" | "already-inactive" | "failed" | "refused";
  /** the key as the page shows it (last four characters) */
  maskedKeyId: string | null;
  reason: string | null;
}

export type GuardDecision = { allowed: true; actor: string } | { allowed: false; status: 403 | 404; reason: string; actor: string };

/**
 * THE seam between the exposed-key response and access control: who may run the guarded action, and where its
 * audit lines go. The action exists only with HEALTHDECK_EXPOSED_KEY_ACTIONS=deactivate and only for admins
 * (lib/server/auth: a signed-in admin, an admin API token, or the local operator under HEALTHDECK_AUTH=none);
 * every attempt and result goes to the store's audit log and the logger.
 */
export interface ExposedKeyGuard {
  /** the deactivate button and POST action exist at all */
  readonly isActionEnabled: boolean;
  authorize(request: Request): GuardDecision | Promise<GuardDecision>;
  audit(entry: ExposedKeyAuditEntry): Promise<void>;
}

export interface GuardAccess {
  /** who is asking, and whether they are an admin (lib/server/auth/authorize) */
  identify(request: Request): Promise<{ actor: string; isAdmin: boolean; isSignedIn: boolean }>;
  /** the store's audit log */
  appendAudit(entry: { at: number; actor: string; action: string; subject: string | null; detail: string | null; address: string | null }): Promise<void>;
}

export function createExposedKeyGuard(options: { actions: "none" | "deactivate"; logger: Logger; access: GuardAccess; publicUrl?: string }): ExposedKeyGuard {
  const isActionEnabled = options.actions === "deactivate";
  return {
    isActionEnabled,
    async authorize(request) {
      const who = await options.access.identify(request);
      const actor = who.actor;
      if (!isActionEnabled) return { allowed: false, status: 404, reason: "deactivation is off (HEALTHDECK_EXPOSED_KEY_ACTIONS=none)", actor };
      if (!who.isAdmin) return { allowed: false, status: 403, reason: who.isSignedIn ? "only an admin may deactivate a key" : "sign in as an admin to deactivate a key", actor };
      if (!isSameOrigin(request.headers, options.publicUrl)) return { allowed: false, status: 403, reason: "the request came from another site", actor };
      return { allowed: true, actor };
    },
    async audit(entry) {
      options.logger.info("audit", { ...entry, at: new Date(entry.at).toISOString() });
      try {
        await options.access.appendAudit({
          at: entry.at,
          actor: entry.actor,
          action: `${entry.action}.${entry.result}`,
          subject: entry.eventId,
          detail: [entry.maskedKeyId, entry.reason].filter((part) => part !== null).join(": ") || null,
          address: null,
        });
      } catch (error) {
        options.logger.error("audit entry not stored", { action: entry.action, error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
