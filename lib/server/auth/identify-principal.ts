import { readCookie, cookieName } from "@/lib/server/auth/auth-cookies";
import { parseTrustedProxies } from "@/lib/server/edge/client-address";
import { recordAudit, type AuthContext } from "@/lib/server/auth/auth-context";
import { readPeerAddress } from "@/lib/server/auth/peer-address";
import { isLoopbackAddress } from "@/lib/server/edge/normalise-address";
import { ALL_NEEDS, grantsForRole, type Need, type Principal } from "@/lib/server/auth/principal";
import { resolveAccess } from "@/lib/server/auth/resolve-roles";
import { readSession } from "@/lib/server/auth/session";
import { hashTokenSecret } from "@/lib/server/auth/token-secrets";
import type { AuthTokenRecord } from "@/lib/server/store/contract/auth-contract";

export type Identified = { ok: true; principal: Principal } | { ok: false; status: 401 | 403; error: string };

export interface IdentifyOptions {
  /** An API token from the URL (`?token=`) of a client that sends no headers of ours (feed readers, calendars). */
  queryToken?: string | null;
}

const LAST_USE_WRITE_MS = 60_000;

const anonymous = (context: AuthContext): Principal => ({
  kind: "anonymous",
  name: "anonymous",
  role: null,
  accounts: [],
  grants: new Set<Need>(context.config.HEALTHDECK_PUBLIC_BOARD === "open" ? ["read-status"] : []),
});

export function readBearer(headers: Headers): string | null {
  return /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.get("authorization") ?? "")?.[1] ?? null;
}

async function identifyToken(secret: string, kind: AuthTokenRecord["kind"], headers: Headers, context: AuthContext): Promise<Identified> {
  const token = await context.store.authTokens.findBySecretHash(hashTokenSecret(secret));
  const now = context.now();
  if (token === null || token.kind !== kind) return { ok: false, status: 401, error: "unknown token" };
  if (token.revokedAt !== null) return { ok: false, status: 401, error: "this token was revoked" };
  if (token.expiresAt !== null && token.expiresAt <= now) return { ok: false, status: 401, error: "this token has expired" };
  const address = readPeerAddress(headers);
  const lastWrite = context.lastUseWrites.get(token.id) ?? token.lastUsedAt ?? 0;
  if (now - lastWrite >= LAST_USE_WRITE_MS) {
    context.lastUseWrites.set(token.id, now);
    void context.store.write((tx) => tx.authTokens.markUsed(token.id, now, address)).catch(() => undefined);
    void recordAudit(context, { at: now, actor: token.name, action: "token-used", subject: token.id, detail: kind, address });
  }
  return {
    ok: true,
    principal: {
      kind: kind === "display" ? "display" : "api-token",
      name: token.name,
      role: token.scopes.includes("admin") ? "admin" : "viewer",
      accounts: token.accounts ?? "all",
      grants: new Set(token.scopes.filter((scope): scope is Need => (ALL_NEEDS as readonly string[]).includes(scope))),
      tokenId: token.id,
    },
  };
}

function identifyProxyUser(headers: Headers, context: AuthContext): Identified | null {
  const { config } = context;
  const peer = readPeerAddress(headers);
  // The identity header means something only when the trusted proxy itself sent the request.
  if (peer === null || !parseTrustedProxies(config.HEALTHDECK_TRUSTED_PROXIES.join(","))(peer)) return null;
  const user = headers.get(config.HEALTHDECK_PROXY_USER_HEADER)?.trim();
  if (!user) return null;
  const groups = (headers.get(config.HEALTHDECK_PROXY_GROUPS_HEADER) ?? "").split(/[\s,]+/).filter((group) => group.length > 0);
  const access = resolveAccess(groups, context.roles);
  if (!access.ok) return { ok: false, status: 403, error: access.reason };
  return { ok: true, principal: { kind: "user", name: user.slice(0, 200), role: access.role, accounts: access.accounts, grants: grantsForRole(access.role) } };
}

/**
 * Who sent these headers, in order: an API token (Bearer, else the query token), the mode's own identity (loopback in `none`, the session
 * cookie in `oidc`, the trusted proxy's header in `proxy`), a display cookie, else anonymous.
 */
export async function identifyPrincipal(headers: Headers, context: AuthContext, options: IdentifyOptions = {}): Promise<Identified> {
  const { config } = context;
  await context.orgUnits?.ensureFresh();
  const bearer = readBearer(headers) ?? options.queryToken ?? null;
  if (bearer !== null && bearer.startsWith("hda_")) return identifyToken(bearer, "api", headers, context);
  if (config.HEALTHDECK_AUTH === "none") {
    const peer = readPeerAddress(headers);
    if (peer !== null && !isLoopbackAddress(peer)) {
      return { ok: false, status: 403, error: "HEALTHDECK_AUTH=none serves only this machine (loopback); set HEALTHDECK_AUTH=oidc or proxy to serve others" };
    }
    return { ok: true, principal: { kind: "local", name: "local", role: "admin", accounts: "all", grants: new Set(ALL_NEEDS) } };
  }
  if (config.HEALTHDECK_AUTH === "proxy") {
    const user = identifyProxyUser(headers, context);
    if (user !== null) return user;
  }
  if (config.HEALTHDECK_AUTH === "oidc" && context.sealer !== null) {
    const session = await readSession(headers, context);
    if (session !== null) return session;
  }
  const display = readCookie(headers, cookieName("display", context.isSecure));
  if (display !== null) {
    const identified = await identifyToken(display, "display", headers, context);
    if (identified.ok) return identified;
  }
  return { ok: true, principal: anonymous(context) };
}

/** The principal when it has `need`; else 401 (nobody identified: sign in or send a token) or 403. */
export async function authorizeHeaders(headers: Headers, need: Need, context: AuthContext, options: IdentifyOptions = {}): Promise<Identified> {
  const identified = await identifyPrincipal(headers, context, options);
  if (!identified.ok) return identified;
  const { principal } = identified;
  if (principal.grants.has(need)) return identified;
  if (principal.kind === "anonymous") return { ok: false, status: 401, error: "sign in, or send an API token as Authorization: Bearer <token>" };
  return { ok: false, status: 403, error: `not allowed: this needs ${need}` };
}
