import { fetchSingleDocument, type SourceAdapter } from "@/lib/server/sources/source-adapter";
import { parseCurrentEvents, type ParsedCurrentEvents } from "@/lib/server/sources/public-status/parse-current-events";

/** currentevents: the authority on what is open now. Any failure fails the whole source. */
export function createCurrentEventsAdapter(options: { url: string }): SourceAdapter<ParsedCurrentEvents> {
  return {
    id: "public-currentevents",
    label: "AWS public events (currentevents)",
    fetchDocuments: (context) => fetchSingleDocument(context, options.url, parseCurrentEvents),
  };
}
