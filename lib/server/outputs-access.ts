import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { jsonError } from "@/lib/server/api/json-response";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { authorizationError, getAuthContext } from "@/lib/server/auth/authorize";
import { authorizeHeaders, readBearer } from "@/lib/server/auth/identify-principal";
import type { AccountScope } from "@/lib/server/auth/principal";
import { narrowAccounts } from "@/lib/server/auth/scope-account-data";
import { isLoopbackAddress } from "@/lib/server/edge/normalise-address";

/**
 * THE one access check of the outputs (metrics, feeds, calendar). Two ways in: whoever lib/server/auth/ lets in for
 * the need (a session, an API token with the `metrics` or `feeds` scope, everyone local under HEALTHDECK_AUTH=none),
 * or the static bearer HEALTHDECK_OUTPUTS_TOKEN (a Prometheus or calendar that cannot hold a per-user token).
 * Feed readers and calendars send no headers of ours: for feeds an API token may ride in `?token=`.
 */
export type OutputNeed = "read-status" | "read-account" | "feeds" | "metrics";

export interface OutputAccessSettings {
  /** the address the server listens on (HEALTHDECK_HOST) */
  listenHost: string;
  token: string | undefined;
}

export interface OutputAccessRequest {
  need: OutputNeed;
  /** the peer's address, when the caller owns the socket (the separate metrics port) */
  clientAddress?: string | null;
}

function isSameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Calendar and feed readers send no headers of ours: for feeds the token may ride in `?token=`. */
function readQueryToken(request: Request, need: OutputNeed): string | null {
  return need === "feeds" ? new URL(request.url).searchParams.get("token") : null;
}

function readPresentedToken(request: Request, need: OutputNeed): string | null {
  return readBearer(request.headers) ?? readQueryToken(request, need);
}

/** null when allowed, else the answer to send (401). */
export function checkOutputAccess(request: Request, access: OutputAccessRequest, settings: OutputAccessSettings): Response | null {
  const presented = readPresentedToken(request, access.need);
  if (presented !== null && settings.token !== undefined && isSameSecret(presented, settings.token)) return null;
  // A client's X-Forwarded-For can be forged; only the socket (ours) or the listening address proves loopback.
  const isLoopbackClient = access.clientAddress ? isLoopbackAddress(access.clientAddress) : isLoopbackAddress(settings.listenHost);
  if (presented === null && isLoopbackClient) return null;
  const response = jsonError(
    401,
    settings.token === undefined
      ? "this output is open on loopback only; set HEALTHDECK_OUTPUTS_TOKEN and send it as Authorization: Bearer <token>"
      : presented === null
        ? "send the token as Authorization: Bearer <token>"
        : "the token is not valid",
  );
  response.headers.set("WWW-Authenticate", 'Bearer realm="healthdeck"');
  return response;
}

/** What the caller may see: every account with the static token, else the principal's scope. */
export interface OutputsAccess {
  denied: Response | null;
  accounts: AccountScope;
}

/** The account filter of a feed or calendar narrowed to what the caller may see (never widened). */
export function narrowOutputAccounts(access: OutputsAccess, requested: readonly string[]): string[] {
  return narrowAccounts({ accounts: access.accounts }, requested);
}

export async function authorizeOutputs(request: Request, access: OutputAccessRequest): Promise<OutputsAccess> {
  const { config } = getRuntime();
  const queryToken = readQueryToken(request, access.need);
  const presented = readBearer(request.headers) ?? queryToken;
  if (presented !== null && config.HEALTHDECK_OUTPUTS_TOKEN !== undefined && isSameSecret(presented, config.HEALTHDECK_OUTPUTS_TOKEN)) {
    return { denied: null, accounts: "all" };
  }
  const auth = await authorizeHeaders(request.headers, access.need, getAuthContext(), { queryToken });
  if (auth.ok) return { denied: null, accounts: auth.principal.accounts };
  return { denied: authorizationError(auth), accounts: [] };
}
