import { cookieName, readCookie } from "@/lib/server/auth/auth-cookies";
import type { AuthContext } from "@/lib/server/auth/auth-context";
import { grantsForRole, type Principal } from "@/lib/server/auth/principal";
import { resolveAccess } from "@/lib/server/auth/resolve-roles";
import { z } from "zod";

/** What a signed-in user's cookie holds. Roles are re-derived from `groups` on every request, so a changed mapping applies at once. */
const sessionPayloadSchema = z.object({
  sub: z.string().min(1).max(500),
  name: z.string().max(500),
  groups: z.array(z.string().max(256)).max(500),
  /** epoch ms of the sign-in: the absolute limit counts from here */
  signedInAt: z.number(),
  /** epoch ms of the last request that refreshed the cookie: the idle limit counts from here */
  seenAt: z.number(),
});
export type SessionPayload = z.infer<typeof sessionPayloadSchema>;

/** A refresh is written at most this often, so that an open page's requests do not re-seal the cookie each time. */
export const SESSION_REFRESH_MS = 60_000;

export type SessionRead = { ok: true; principal: Principal } | { ok: false; status: 403; error: string };

/** null: no valid session (absent, tampered, sealed under an unknown key, idle or past its absolute limit). */
export async function readSession(headers: Headers, context: AuthContext): Promise<SessionRead | null> {
  if (context.sealer === null) return null;
  const raw = readCookie(headers, cookieName("session", context.isSecure));
  if (raw === null) return null;
  const opened = await context.sealer.open("session", raw);
  const parsed = sessionPayloadSchema.safeParse(opened);
  if (!parsed.success) return null;
  const session = parsed.data;
  const now = context.now();
  if (now - session.signedInAt > context.config.HEALTHDECK_SESSION_MAX_HOURS * 3_600_000) return null;
  if (now - session.seenAt > context.config.HEALTHDECK_SESSION_IDLE_MINUTES * 60_000) return null;
  const access = resolveAccess(session.groups, context.roles);
  if (!access.ok) return { ok: false, status: 403, error: access.reason };
  return {
    ok: true,
    principal: {
      kind: "user",
      name: session.name || session.sub,
      role: access.role,
      accounts: access.accounts,
      grants: grantsForRole(access.role),
      session: { signedInAt: session.signedInAt, seenAt: session.seenAt, sub: session.sub, groups: session.groups },
    },
  };
}

export async function sealSession(context: AuthContext, session: SessionPayload): Promise<string> {
  if (context.sealer === null) throw new Error("sessions need HEALTHDECK_SESSION_SECRET");
  const absoluteEnd = session.signedInAt + context.config.HEALTHDECK_SESSION_MAX_HOURS * 3_600_000;
  const idleEnd = session.seenAt + context.config.HEALTHDECK_SESSION_IDLE_MINUTES * 60_000;
  return context.sealer.seal("session", { ...session }, Math.floor(Math.min(absoluteEnd, idleEnd) / 1000));
}

/** A Set-Cookie that moves the idle clock, or null when the cookie is recent enough. */
export async function refreshSessionCookie(context: AuthContext, principal: Principal): Promise<{ value: string; maxAgeSeconds: number } | null> {
  const session = principal.session;
  const now = context.now();
  if (session === undefined || now - session.seenAt < SESSION_REFRESH_MS) return null;
  const value = await sealSession(context, { sub: session.sub, name: principal.name, groups: [...session.groups], signedInAt: session.signedInAt, seenAt: now });
  return { value, maxAgeSeconds: (session.signedInAt + context.config.HEALTHDECK_SESSION_MAX_HOURS * 3_600_000 - now) / 1000 };
}
