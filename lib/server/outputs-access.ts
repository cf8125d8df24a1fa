import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import type { AuthContext } from "@/lib/server/auth/auth-context";
import { authorizationError, getAuthContext } from "@/lib/server/auth/authorize";
import { authorizeHeaders, readBearer } from "@/lib/server/auth/identify-principal";
import type { AccountScope } from "@/lib/server/auth/principal";
import { narrowAccounts } from "@/lib/server/auth/scope-account-data";
import { isLoopbackAddress } from "@/lib/server/edge/normalise-address";

/**
 * THE one access check of the outputs (metrics, feeds, calendar), on the main port and the metrics port alike. Two
 * ways in: whoever lib/server/auth/ lets in for the need (a session, an API token with the `metrics` or `feeds` scope,
 * everyone local under HEALTHDECK_AUTH=none), or the static bearer HEALTHDECK_OUTPUTS_TOKEN (a Prometheus or calendar
 * that cannot hold a per-user token). Feed readers and calendars send no headers of ours: for feeds a token may ride
 * in `?token=`.
 */
export type OutputNeed = "read-status" | "read-account" | "feeds" | "metrics";

export interface OutputAccessRequest {
  need: OutputNeed;
}

/** What the caller may see: every account with the static token, else the principal's scope. */
export interface OutputsAccess {
  denied: Response | null;
  accounts: AccountScope;
}

export interface OutputCredentials {
  headers: Headers;
  /** `?token=`, for feeds only */
  queryToken: string | null;
  /** The socket's peer when the caller owns the socket (the metrics port): there a client sending nothing from this machine may read. */
  peerAddress?: string | null;
}

export interface OutputAccessDeps {
  context: AuthContext;
  /** HEALTHDECK_OUTPUTS_TOKEN */
  staticToken: string | undefined;
}

function isSameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Calendar and feed readers send no headers of ours: for feeds the token may ride in `?token=`. */
function readQueryToken(request: Request, need: OutputNeed): string | null {
  return need === "feeds" ? new URL(request.url).searchParams.get("token") : null;
}

export async function checkOutputsAccess(credentials: OutputCredentials, need: OutputNeed, deps: OutputAccessDeps): Promise<OutputsAccess> {
  const presented = readBearer(credentials.headers) ?? credentials.queryToken;
  if (presented !== null && deps.staticToken !== undefined && isSameSecret(presented, deps.staticToken)) return { denied: null, accounts: "all" };
  const auth = await authorizeHeaders(credentials.headers, need, deps.context, { queryToken: credentials.queryToken });
  if (auth.ok) return { denied: null, accounts: auth.principal.accounts };
  // Only a socket of our own proves loopback (a client's X-Forwarded-For can be forged); a token sent is judged as such.
  const peer = credentials.peerAddress ?? null;
  if (presented === null && peer !== null && isLoopbackAddress(peer)) return { denied: null, accounts: "all" };
  return { denied: authorizationError(auth), accounts: [] };
}

/** The account filter of a feed or calendar narrowed to what the caller may see (never widened). */
export function narrowOutputAccounts(access: OutputsAccess, requested: readonly string[]): string[] {
  return narrowAccounts({ accounts: access.accounts }, requested);
}

/** For route handlers of the main port. */
export function authorizeOutputs(request: Request, access: OutputAccessRequest): Promise<OutputsAccess> {
  const credentials = { headers: request.headers, queryToken: readQueryToken(request, access.need) };
  return checkOutputsAccess(credentials, access.need, { context: getAuthContext(), staticToken: getRuntime().config.HEALTHDECK_OUTPUTS_TOKEN });
}
