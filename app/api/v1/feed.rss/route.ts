import { handleFeedRequest } from "@/lib/server/outputs/feeds/handle-feed-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleFeedRequest(request, "rss");
}
