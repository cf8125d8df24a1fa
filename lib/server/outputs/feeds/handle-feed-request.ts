import "server-only";
import { parseFeedQuery } from "@/lib/shared/outputs-query";
import { encodedResponse } from "@/lib/server/api/encoded-response";
import { jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { authorizeOutputs } from "@/lib/server/outputs-access";
import { getFeed, readBaseUrl } from "@/lib/server/outputs/feeds/get-feed";
import { FEED_FORMATS, type FeedFormat } from "@/lib/server/outputs/feeds/render-feed";

/** GET /api/v1/feed.rss|atom|json: the three routes differ only in the format. */
export function handleFeedRequest(request: Request, format: FeedFormat): Promise<Response> {
  return withErrorMapping(async () => {
    const denied = authorizeOutputs(request, { need: "feeds" });
    if (denied) return denied;
    const query = parseFeedQuery(new URL(request.url).searchParams);
    if (!query.ok) return jsonError(400, query.error);
    return encodedResponse(request, await getFeed(format, query.value, readBaseUrl(request)), FEED_FORMATS[format].contentType);
  });
}
