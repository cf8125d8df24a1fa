import { parseEntitiesQuery } from "@/lib/shared/account-query";
import { jsonBody, jsonError, jsonText, withErrorMapping } from "@/lib/server/api/json-response";
import { parseAccountEventId } from "@/lib/server/api/parse-account-event-id";
import { withAuthorization } from "@/lib/server/auth/authorize";
import { canSeeAccount } from "@/lib/server/auth/principal";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { listEventEntities, readEntityColumnsJson, streamEntitiesCsv } from "@/lib/server/services/list-event-entities";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return withErrorMapping(() =>
    withAuthorization(request, "read-account", async (principal) => {
      const id = parseAccountEventId((await context.params).id);
      if (id === null) return jsonError(400, "id must be an event id as listed by /api/v1/account/events");
      const query = parseEntitiesQuery(new URL(request.url).searchParams);
      if (!query.ok) return jsonError(400, query.error);
      const repo = getRuntime().store.accountEvents;
      // An event outside the principal's accounts answers exactly as one that does not exist.
      const event = await repo.getById(id);
      if (!event || !canSeeAccount(principal, event.accountId)) return jsonError(404, "no such event");
      if (query.value.format === "csv") {
        return new Response(streamEntitiesCsv(repo, id, query.value), {
          headers: {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": `attachment; filename="healthdeck-affected-resources-${id}.csv"`,
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
          },
        });
      }
      if (query.value.format === "lean") {
        const body = await readEntityColumnsJson(getRuntime().store, id, query.value);
        return body === null ? jsonError(404, "no such event") : jsonText(body);
      }
      const page = await listEventEntities(repo, id, query.value);
      if (!page) return jsonError(404, "no such event");
      return jsonBody(page);
    }),
  );
}
