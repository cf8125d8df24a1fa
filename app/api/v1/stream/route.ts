import { withErrorMapping } from "@/lib/server/api/json-response";
import { getAuthContext, withAuthorization } from "@/lib/server/auth/authorize";
import { authorizeHeaders } from "@/lib/server/auth/identify-principal";
import { narrowAccounts, NO_ACCOUNT } from "@/lib/server/auth/scope-account-data";
import { readClientView } from "@/lib/server/edge/client-address";
import { getEdgeSettings } from "@/lib/server/edge/edge-settings";
import { getStreamHub } from "@/lib/server/hub/get-stream-hub";
import { handleStreamRequest } from "@/lib/server/hub/handle-stream-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The public board for whoever may read it; account events of the principal's accounts only. */
export function GET(request: Request): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "read-status", (principal) => {
      const readsAccounts = principal.grants.has("read-account");
      // Tokens can be revoked and sessions expire while a wall stays open: re-check them, and end the stream when they fail.
      const canLapse = principal.kind === "display" || principal.kind === "api-token" || principal.kind === "user";
      const edge = getEdgeSettings();
      const client = readClientView(request.headers, edge.isTrustedProxy).address;
      return handleStreamRequest(request, getStreamHub(), {
        acquireSlot: () => edge.streamSlots.acquire(client),
        restrictScope: (scope) => ({ ...scope, accounts: readsAccounts ? narrowAccounts(principal, scope.accounts) : [NO_ACCOUNT] }),
        isStillAllowed: canLapse
          ? async () => {
              const again = await authorizeHeaders(request.headers, "read-status", getAuthContext());
              return again.ok && again.principal.kind === principal.kind && again.principal.tokenId === principal.tokenId;
            }
          : undefined,
      });
    }),
  );
}
