import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { jsonError } from "@/lib/server/api/json-response";
import type { HealthdeckRuntime } from "@/lib/server/runtime/create-healthdeck-runtime";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { cookieName, serializeCookie } from "@/lib/server/auth/auth-cookies";
import { createAuthContext, type AuthContext } from "@/lib/server/auth/auth-context";
import { authorizeHeaders, type Identified } from "@/lib/server/auth/identify-principal";
import type { Need, Principal } from "@/lib/server/auth/principal";
import { refreshSessionCookie } from "@/lib/server/auth/session";

/**
 * THE authorization entry point. Every route handler and server component calls one of these itself (a check only in
 * a proxy/middleware was bypassable in Next before), then narrows account data to `principal.accounts`
 * (see principal.ts: restrictAccountFilter, canSeeAccount, maskForeignAccounts).
 *
 *   const auth = await authorize(request, { need: "read-account" });   // route handlers
 *   if (!auth.ok) return authorizationError(auth);
 *   … or: return withAuthorization(request, "feeds", async (principal) => …)
 *   const principal = await authorizePage("read-account", "/account");  // pages: redirects to sign-in
 *
 * Needs: read-status (public board), read-account (account data), ingest, feeds (calendar, RSS), admin.
 */
export type { Need, Principal } from "@/lib/server/auth/principal";

const CONTEXT_KEY = Symbol.for("healthdeck.auth-context");
type ContextHolder = { [CONTEXT_KEY]?: { runtime: HealthdeckRuntime; context: AuthContext } };

/** One per runtime (a test that swaps the runtime gets a context over the new store). */
export function getAuthContext(): AuthContext {
  const holder = globalThis as ContextHolder;
  const runtime = getRuntime();
  if (holder[CONTEXT_KEY]?.runtime !== runtime) {
    holder[CONTEXT_KEY] = { runtime, context: createAuthContext({ config: runtime.config, store: runtime.store, logger: runtime.logger, now: runtime.now }) };
  }
  return holder[CONTEXT_KEY].context;
}

export function authorize(request: Request, options: { need: Need }): Promise<Identified> {
  return authorizeHeaders(request.headers, options.need, getAuthContext());
}

/** The JSON answer for a refusal: 401 asks for credentials, 403 says they are not enough. */
export function authorizationError(refusal: Extract<Identified, { ok: false }>): Response {
  const response = jsonError(refusal.status, refusal.error);
  if (refusal.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="healthdeck"');
  return response;
}

/** Authorizes, runs the handler with the principal, and moves a signed-in user's idle clock on the way out. */
export async function withAuthorization(request: Request, need: Need, handler: (principal: Principal) => Promise<Response>): Promise<Response> {
  const context = getAuthContext();
  const auth = await authorizeHeaders(request.headers, need, context);
  if (!auth.ok) return authorizationError(auth);
  const response = await handler(auth.principal);
  const refreshed = await refreshSessionCookie(context, auth.principal);
  if (refreshed !== null) {
    response.headers.append("Set-Cookie", serializeCookie(cookieName("session", context.isSecure), refreshed.value, { isSecure: context.isSecure, maxAgeSeconds: refreshed.maxAgeSeconds }));
  }
  return response;
}

/** For server components: the principal, or a redirect to sign-in (401) or to the refusal page (403). */
export async function authorizePage(need: Need, returnTo: string): Promise<Principal> {
  const auth = await authorizeHeaders(await headers(), need, getAuthContext());
  if (auth.ok) return auth.principal;
  if (auth.status === 401) redirect(`/auth/sign-in?next=${encodeURIComponent(returnTo)}`);
  redirect(`/auth/forbidden?need=${encodeURIComponent(need)}`);
}

/** For the layout and shared components: who is asking, without requiring anything. Once per request. */
export const readPagePrincipal = cache(async function readPagePrincipal(): Promise<Principal> {
  const auth = await authorizeHeaders(await headers(), "read-status", getAuthContext());
  if (auth.ok) return auth.principal;
  return { kind: "anonymous", name: "anonymous", role: null, accounts: [], grants: new Set() };
});
