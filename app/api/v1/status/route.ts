import { answerPublicStatus } from "@/lib/server/api/answer-public-status";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Repeat clients (If-None-Match) usually get their 304 from proxy.ts already, through the same function.
export function GET(request: Request): Promise<Response> {
  return answerPublicStatus(request);
}
