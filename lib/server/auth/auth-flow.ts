import "server-only";
import { z } from "zod";
import { clearCookie, cookieName, readCookie, serializeCookie } from "@/lib/server/auth/auth-cookies";
import { recordAudit } from "@/lib/server/auth/auth-context";
import { getAuthContext } from "@/lib/server/auth/authorize";
import { buildLogoutUrl, finishOidcLogin, startOidcLogin } from "@/lib/server/auth/oidc-client";
import { readPeerAddress } from "@/lib/server/auth/peer-address";
import { readGroupsClaim, resolveAccess } from "@/lib/server/auth/resolve-roles";
import { readSession, sealSession } from "@/lib/server/auth/session";
import { escapeHtml } from "@/lib/server/outputs/escape-html";

const LOGIN_TTL_SECONDS = 600;
const pendingSchema = z.object({ verifier: z.string(), state: z.string(), nonce: z.string(), returnTo: z.string() });

/** Only a path of this site: `next=//evil.example` or `https://…` must not turn sign-in into an open redirect. */
export function safeReturnPath(raw: string | null): string {
  if (raw === null || raw.length > 1000 || !/^\/(?![/\\])[^\s]*$/.test(raw)) return "/";
  return raw;
}


/** A small page of plain text for the sign-in steps; nothing from outside is rendered unescaped. */
export function authMessagePage(status: number, title: string, message: string, link?: { href: string; label: string }, secret?: string): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)} · Healthdeck</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><main id="main"><h1>${escapeHtml(title)}</h1>${secret ? `<p><code data-token-secret>${escapeHtml(secret)}</code></p>` : ""}<p>${escapeHtml(message)}</p>${
    link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : ""
  }</main></body></html>`;
  return new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

function redirectTo(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}

const publicUrl = () => getAuthContext().config.HEALTHDECK_PUBLIC_URL ?? "";

/** GET /auth/sign-in?next=/path */
export async function handleSignIn(request: Request): Promise<Response> {
  const context = getAuthContext();
  const { config } = context;
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get("next"));
  if (config.HEALTHDECK_AUTH === "none") return redirectTo(returnTo);
  if (config.HEALTHDECK_AUTH === "proxy" || context.sealer === null) {
    return authMessagePage(401, "Sign in through your proxy", "This Healthdeck takes your identity from the sign-in proxy in front of it. Open it through that proxy.");
  }
  try {
    const login = await startOidcLogin(config, returnTo);
    const sealed = await context.sealer.seal("login", { ...login.pending }, Math.floor(context.now() / 1000) + LOGIN_TTL_SECONDS);
    return redirectTo(login.authorizationUrl.href, [serializeCookie(cookieName("login", context.isSecure), sealed, { isSecure: context.isSecure, maxAgeSeconds: LOGIN_TTL_SECONDS })]);
  } catch (error) {
    context.logger.error("sign-in could not start", { error: error instanceof Error ? error.message : String(error) });
    return authMessagePage(502, "Sign-in is unavailable", "The identity provider could not be reached, or it is not the issuer this Healthdeck is configured for. The server log says which.");
  }
}

/** GET /auth/callback: the provider sends the browser back here with a code. */
export async function handleCallback(request: Request): Promise<Response> {
  const context = getAuthContext();
  const { config } = context;
  if (config.HEALTHDECK_AUTH !== "oidc" || context.sealer === null) return authMessagePage(404, "Not found", "Sign-in with an identity provider is not enabled.");
  const address = readPeerAddress(request.headers);
  const loginCookie = cookieName("login", context.isSecure);
  const clearLogin = clearCookie(loginCookie, context.isSecure);
  const raw = readCookie(request.headers, loginCookie);
  const pending = pendingSchema.safeParse(raw === null ? null : await context.sealer.open("login", raw));
  if (!pending.success) {
    return authMessagePage(400, "Sign-in expired", "This sign-in was not started here, or took longer than 10 minutes. Start again.", { href: "/auth/sign-in", label: "Sign in" });
  }
  const search = new URL(request.url).search;
  let claims: Record<string, unknown>;
  try {
    claims = await finishOidcLogin(config, search, pending.data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.logger.warn("sign-in failed", { error: reason });
    await recordAudit(context, { at: context.now(), actor: "anonymous", action: "sign-in-failed", subject: null, detail: reason.slice(0, 300), address });
    const response = authMessagePage(400, "Sign-in failed", "The identity provider's answer could not be verified. Start again.", { href: "/auth/sign-in", label: "Sign in" });
    response.headers.append("Set-Cookie", clearLogin);
    return response;
  }
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  const name = [claims.email, claims.preferred_username, claims.name, sub].find((value): value is string => typeof value === "string" && value.length > 0) ?? sub;
  const groups = readGroupsClaim(claims, config.HEALTHDECK_OIDC_GROUPS_CLAIM);
  const access = resolveAccess(groups, context.roles);
  if (!access.ok) {
    await recordAudit(context, { at: context.now(), actor: name, action: "sign-in-failed", subject: null, detail: `no mapped group (${config.HEALTHDECK_OIDC_GROUPS_CLAIM}: ${groups.join(", ").slice(0, 200)})`, address });
    const response = authMessagePage(403, "No access", `You signed in as ${name}, but none of your groups may use this Healthdeck. Ask an administrator to add you.`);
    response.headers.append("Set-Cookie", clearLogin);
    return response;
  }
  const now = context.now();
  const session = await sealSession(context, { sub, name, groups, signedInAt: now, seenAt: now });
  await recordAudit(context, { at: now, actor: name, action: "sign-in", subject: access.role, detail: access.accounts === "all" ? "all accounts" : `${access.accounts.length} accounts`, address });
  return redirectTo(`${publicUrl()}${pending.data.returnTo}`, [
    clearLogin,
    serializeCookie(cookieName("session", context.isSecure), session, { isSecure: context.isSecure, maxAgeSeconds: config.HEALTHDECK_SESSION_MAX_HOURS * 3600 }),
  ]);
}

/** POST /auth/sign-out: ends this session, then the provider's where it supports RP-initiated logout. */
export async function handleSignOut(request: Request): Promise<Response> {
  const context = getAuthContext();
  const session = await readSession(request.headers, context);
  if (session?.ok) await recordAudit(context, { at: context.now(), actor: session.principal.name, action: "sign-out", subject: null, detail: null, address: readPeerAddress(request.headers) });
  const cleared = [clearCookie(cookieName("session", context.isSecure), context.isSecure), clearCookie(cookieName("display", context.isSecure), context.isSecure)];
  let location = `${publicUrl()}/auth/signed-out`;
  if (context.config.HEALTHDECK_AUTH === "oidc") {
    try {
      location = (await buildLogoutUrl(context.config))?.href ?? location;
    } catch (error) {
      context.logger.warn("provider logout unavailable", { error: error instanceof Error ? error.message : String(error) });
    }
  }
  return redirectTo(location, cleared);
}
