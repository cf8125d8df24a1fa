import { withErrorMapping } from "@/lib/server/api/json-response";
import { authorizeOutputs } from "@/lib/server/outputs-access";
import { getMetricsText, METRICS_CONTENT_TYPE } from "@/lib/server/outputs/metrics/get-metrics-text";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /metrics: the Prometheus text format (docs/metrics.md). */
export function GET(request: Request): Promise<Response> {
  return withErrorMapping(async () => {
    const access = await authorizeOutputs(request, { need: "metrics" });
    if (access.denied) return access.denied;
    return new Response(await getMetricsText(), { headers: { "Content-Type": METRICS_CONTENT_TYPE, "Cache-Control": "no-store" } });
  });
}
