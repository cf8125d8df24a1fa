import type { SourceAdapter } from "@/lib/server/sources/source-adapter";
import { parseCurrentEvents, type ParsedCurrentEvents } from "@/lib/server/sources/public-status/parse-current-events";

/** currentevents: the authority on what is open now. Any failure fails the whole source. */
export function createCurrentEventsAdapter(options: { url: string }): SourceAdapter<ParsedCurrentEvents> {
  return {
    id: "public-currentevents",
    label: "AWS public events (currentevents)",
    async fetchDocuments(context) {
      const response = await context.fetchDocument(options.url, context.getValidators(options.url));
      if (response.status === 304 || response.body === null) return [{ url: options.url, outcome: "not-modified" }];
      return [
        {
          url: options.url,
          outcome: "fetched",
          records: parseCurrentEvents(response.body),
          validators: response.validators,
          bytes: response.bytes,
        },
      ];
    },
  };
}
