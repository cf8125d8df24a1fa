import "server-only";
import { parseFeedQuery } from "@/lib/shared/outputs-query";
import { encodedResponse } from "@/lib/server/api/encoded-response";
import { jsonError, withErrorMapping } from "@/lib/server/api/json-response";
import { authorizeOutputs, narrowOutputAccounts } from "@/lib/server/outputs-access";
import { getFeed, readBaseUrl } from "@/lib/server/outputs/feeds/get-feed";
import { FEED_FORMATS, type FeedFormat } from "@/lib/server/outputs/feeds/render-feed";

/** GET /api/v1/feed.rss|atom|json: the three routes differ only in the format. */
export function handleFeedRequest(request: Request, format: FeedFormat): Promise<Response> {
  return withErrorMapping(async () => {
    const access = await authorizeOutputs(request, { need: "feeds" });
    if (access.denied) return access.denied;
    const query = parseFeedQuery(new URL(request.url).searchParams);
    if (!query.ok) return jsonError(400, query.error);
    const filter = { ...query.value, accounts: narrowOutputAccounts(access, query.value.accounts) };
    return encodedResponse(request, await getFeed(format, filter, readBaseUrl(request)), FEED_FORMATS[format].contentType);
  });
}
