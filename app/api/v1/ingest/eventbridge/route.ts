import { jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { authorizationError, authorize } from "@/lib/server/auth/authorize";
import type { AccountScope } from "@/lib/server/auth/principal";
import { getConfig } from "@/lib/server/config/load-config";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { handleIngestRequest } from "@/lib/server/ingest/handle-ingest-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return withErrorMapping(async () => {
    let config = getConfig();
    // With a port of its own, ingest is not on this one: what the operator exposed to AWS is all that takes pushes.
    if (config.HEALTHDECK_INGEST_PORT !== undefined) return jsonError(404, "ingest is served on its own port (HEALTHDECK_INGEST_PORT), not here");
    const healthdeck = getRuntime();
    // An API token with the `ingest` scope (scripts, test pushes) stands in for the ingest secret; any other is refused here.
    const bearer = /^Bearer[ \t]+(hda_\S+)[ \t]*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    let accounts: AccountScope = "all";
    if (bearer !== undefined) {
      const auth = await authorize(request, { need: "ingest" });
      if (!auth.ok) return authorizationError(auth);
      config = { ...config, HEALTHDECK_INGEST_TOKEN: bearer };
      accounts = auth.principal.accounts;
    }
    return handleIngestRequest(request, { store: healthdeck.store, config, now: healthdeck.now, logger: healthdeck.logger, accounts });
  });
}
