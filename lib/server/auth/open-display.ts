import "server-only";
import { authMessagePage } from "@/lib/server/auth/auth-flow";
import { cookieName, serializeCookie } from "@/lib/server/auth/auth-cookies";
import { recordAudit } from "@/lib/server/auth/auth-context";
import { getAuthContext } from "@/lib/server/auth/authorize";
import { readPeerAddress } from "@/lib/server/auth/peer-address";
import { hashTokenSecret, looksLikeTokenSecret } from "@/lib/server/auth/token-secrets";
import type { AuditEntry, AuthTokenRecord } from "@/lib/server/store/contract/auth-contract";

const DISPLAY_COOKIE_SECONDS = 400 * 86_400;

/**
 * GET /d/<token>: a wall screen opens its link once; the token moves into an HttpOnly cookie and the screen is sent
 * on to its saved view, so the token stays neither in the address bar nor in the history.
 */
export async function openDisplay(request: Request, secret: string): Promise<Response> {
  const context = getAuthContext();
  const token = looksLikeTokenSecret(secret, "display") ? await context.store.authTokens.findBySecretHash(hashTokenSecret(secret)) : null;
  const now = context.now();
  if (token === null || token.kind !== "display" || token.revokedAt !== null || (token.expiresAt !== null && token.expiresAt <= now)) {
    return authMessagePage(404, "Unknown display link", "This display link does not exist, was revoked, or has expired. Ask an administrator for a new one.");
  }
  await recordAudit(context, { at: now, actor: token.name, action: "display-opened", subject: token.id, detail: token.viewPath, address: readPeerAddress(request.headers) });
  const maxAgeSeconds = token.expiresAt === null ? DISPLAY_COOKIE_SECONDS : Math.min(DISPLAY_COOKIE_SECONDS, (token.expiresAt - now) / 1000);
  const headers = new Headers({ Location: token.viewPath ?? "/noc", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
  headers.append("Set-Cookie", serializeCookie(cookieName("display", context.isSecure), secret, { isSecure: context.isSecure, maxAgeSeconds }));
  return new Response(null, { status: 303, headers });
}

/** What an admin page lists: everything but the hash. */
export type TokenView = Omit<AuthTokenRecord, "secretHash">;

export async function listTokens(kind: "display" | "api"): Promise<TokenView[]> {
  return (await getAuthContext().store.authTokens.list(kind)).map((token) => {
    const view: TokenView & { secretHash?: string } = { ...token };
    delete view.secretHash;
    return view;
  });
}

/** An audit entry as the admin page shows it. */
export type AuditView = AuditEntry;

export function listAuditEntries(before: number | null, limit: number): Promise<AuditView[]> {
  return getAuthContext().store.audit.list({ before, limit });
}
