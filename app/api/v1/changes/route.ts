import { parseChangesQuery } from "@/lib/shared/changes-contract";
import { jsonBody, jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { listChanges } from "@/lib/server/services/list-changes";
import { withAuthorization } from "@/lib/server/auth/authorize";
import { maskScoped, narrowAccounts, NO_ACCOUNT } from "@/lib/server/auth/scope-account-data";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/changes?after=N&limit=M (+ region, service, account, category): what changed, from the journal. */
export function GET(request: Request): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "read-status", async (principal) => {
      const query = parseChangesQuery(new URL(request.url).searchParams);
      if (!query.ok) return jsonError(400, query.error);
      // Public changes and source states for everyone who may read the board; account changes of the principal's accounts only.
      const scoped = { ...query.value, accounts: principal.grants.has("read-account") ? narrowAccounts(principal, query.value.accounts) : [NO_ACCOUNT] };
      const readable = principal.grants.has("read-account") ? principal : { accounts: [] };
      return jsonBody(maskScoped(readable, await listChanges(getRuntime().store, scoped)));
    }),
  );
}
