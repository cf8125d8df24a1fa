import { NextResponse, type NextRequest } from "next/server";
import { answerPublicStatusRevalidation } from "@/lib/server/api/answer-public-status";
import { applyEdge } from "@/lib/server/edge/apply-edge";
import { getEdgeSettings } from "@/lib/server/edge/edge-settings";

/** Next 16's middleware: the edge of every page and API request (lib/server/edge/apply-edge.ts decides). */
export async function proxy(request: NextRequest): Promise<Response> {
  const outcome = applyEdge(request, getEdgeSettings(), Date.now());
  if (outcome.kind === "refuse") return outcome.response;
  const early = await answerPublicStatusRevalidation(request);
  const response = early ?? NextResponse.next({ request: { headers: outcome.requestHeaders } });
  for (const [name, value] of Object.entries(outcome.responseHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build files carry no data and are the same for everyone; prefetches still pass (they render pages).
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg|favicon.ico).*)" }],
};
