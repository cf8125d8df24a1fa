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
 * audit lines go. Today (no sign-in yet): the action exists only with HEALTHDECK_EXPOSED_KEY_ACTIONS=deactivate and
 * runs only for requests from this host (loopback), and audit lines go to the logger. When sign-in lands this
 * becomes `authorize(request, { need: "admin" })` and the store's audit log; nothing else changes.
 */
export interface ExposedKeyGuard {
  /** the deactivate button and POST action exist at all */
  readonly isActionEnabled: boolean;
  /** May be async: sign-in will read a session. */
  authorize(request: Request): GuardDecision | Promise<GuardDecision>;
  audit(entry: ExposedKeyAuditEntry): Promise<void>;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost)$/i;

/**
 * Next's server sets X-Forwarded-For from the socket when the request has none, and a proxy appends its client:
 * every hop must be loopback. A client that can reach the port directly could forge the header, which is why the
 * setting's documentation says to enable the action only on a loopback-bound port until sign-in lands.
 */
export function isLoopbackRequest(request: Request): boolean {
  const hops = (request.headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  if (hops.length === 0 || request.headers.has("forwarded") || request.headers.has("x-real-ip")) return false;
  return hops.every((hop) => LOOPBACK.test(hop.replace(/^\[|\]$/g, "")));
}

/** A cross-site page in a browser on this host could otherwise post the form: the Origin must be this host's. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") !== "cross-site";
  try {
    return new URL(origin).host === new URL(request.url).host || new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}

export function createExposedKeyGuard(options: { actions: "none" | "deactivate"; logger: Logger }): ExposedKeyGuard {
  const isActionEnabled = options.actions === "deactivate";
  return {
    isActionEnabled,
    authorize(request) {
      const actor = isLoopbackRequest(request) ? "local operator (loopback)" : "remote client";
      if (!isActionEnabled) return { allowed: false, status: 404, reason: "deactivation is off (HEALTHDECK_EXPOSED_KEY_ACTIONS=none)", actor };
      if (!isLoopbackRequest(request)) return { allowed: false, status: 403, reason: "until sign-in is set up, deactivation is allowed only from this host (loopback)", actor };
      if (!isSameOrigin(request)) return { allowed: false, status: 403, reason: "the request came from another site", actor };
      return { allowed: true, actor };
    },
    async audit(entry) {
      options.logger.info("audit", { ...entry, at: new Date(entry.at).toISOString() });
    },
  };
}
