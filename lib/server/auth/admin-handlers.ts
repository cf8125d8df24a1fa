import "server-only";
import { z } from "zod";
import { formatZodError } from "@/lib/shared/status-filter";
import { authMessagePage } from "@/lib/server/auth/auth-flow";
import { authorizationError, getAuthContext } from "@/lib/server/auth/authorize";
import { authorizeHeaders } from "@/lib/server/auth/identify-principal";
import { createApiToken, createDisplayToken, newApiTokenSchema, newDisplayTokenSchema, revokeToken, type CreatedToken } from "@/lib/server/auth/manage-tokens";
import { readPeerAddress } from "@/lib/server/auth/peer-address";
import type { Principal } from "@/lib/server/auth/principal";
import { checkSameOrigin } from "@/lib/server/auth/same-origin";

/** A form post from another site carries no session (SameSite=Lax), but on loopback with `none` it would: refuse it. */
function isFromOwnPage(request: Request): boolean {
  const verdict = checkSameOrigin(request.headers, getAuthContext().config.HEALTHDECK_PUBLIC_URL);
  if (!verdict.ok && verdict.origin !== null) getAuthContext().logger.warn("cross-origin admin form refused", { origin: verdict.origin, hosts: verdict.hosts });
  return verdict.ok;
}

/** Same-origin check, then admin only; the work gets the principal, the form and the peer address. */
export async function adminForm(request: Request, work: (principal: Principal, form: FormData, address: string | null) => Promise<Response>): Promise<Response> {
  if (!isFromOwnPage(request)) return authMessagePage(403, "Refused", "This form must be sent from Healthdeck's own page.");
  const auth = await authorizeHeaders(request.headers, "admin", getAuthContext());
  if (!auth.ok) return authorizationError(auth);
  const form = await request.formData();
  return work(auth.principal, form, readPeerAddress(request.headers));
}

function shownOnce(title: string, created: CreatedToken, use: string, back: string): Response {
  return authMessagePage(201, title, `Copy it now: it is shown only this once, and Healthdeck keeps only its hash. ${use}`, { href: back, label: "Back to the list" }, created.secret);
}

export function handleCreateDisplay(request: Request): Promise<Response> {
  return adminForm(request, async (principal, form, address) => {
    const input = newDisplayTokenSchema.safeParse({ name: form.get("name"), viewPath: form.get("viewPath"), expiresInDays: form.get("expiresInDays") || undefined });
    if (!input.success) return authMessagePage(400, "Not created", formatZodError(input.error), { href: "/admin/displays", label: "Back" });
    const created = await createDisplayToken(getAuthContext(), input.data, principal.name, address);
    const origin = getAuthContext().config.HEALTHDECK_PUBLIC_URL ?? new URL(request.url).origin;
    return shownOnce("Display link created", created, `Open ${origin}/d/<the token> on the wall screen once; it keeps a cookie and drops the token from the address.`, "/admin/displays");
  });
}

export function handleCreateApiToken(request: Request): Promise<Response> {
  return adminForm(request, async (principal, form, address) => {
    const input = newApiTokenSchema.safeParse({
      name: form.get("name"),
      scopes: form.getAll("scopes"),
      accounts: form.get("accounts") ?? undefined,
      expiresInDays: form.get("expiresInDays") || undefined,
    });
    if (!input.success) return authMessagePage(400, "Not created", formatZodError(input.error), { href: "/admin/tokens", label: "Back" });
    const created = await createApiToken(getAuthContext(), input.data, principal.name, address);
    return shownOnce("API token created", created, "Send it as Authorization: Bearer <token>.", "/admin/tokens");
  });
}

const revokeSchema = z.object({ id: z.uuid("no such token"), back: z.enum(["/admin/displays", "/admin/tokens"]).catch("/admin/tokens") });

export function handleRevokeToken(request: Request): Promise<Response> {
  return adminForm(request, async (principal, form, address) => {
    const input = revokeSchema.safeParse({ id: form.get("id"), back: form.get("back") });
    if (!input.success) return authMessagePage(400, "Not revoked", formatZodError(input.error));
    await revokeToken(getAuthContext(), input.data.id, principal.name, address);
    return new Response(null, { status: 303, headers: { Location: input.data.back, "Cache-Control": "no-store" } });
  });
}
