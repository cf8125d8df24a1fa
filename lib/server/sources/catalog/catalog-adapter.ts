import type { SourceAdapter } from "@/lib/server/sources/source-adapter";
import type { CatalogEntry } from "@/lib/server/sources/public-status/public-status-records";
import { parseServicesCatalog } from "@/lib/server/sources/catalog/parse-services-catalog";

/** services.json: service keys, names and regions. Refreshed rarely; the bundled snapshot covers failures. */
export function createCatalogAdapter(options: { url: string }): SourceAdapter<CatalogEntry[]> {
  return {
    id: "public-catalog",
    label: "AWS service catalogue (services.json)",
    async fetchDocuments(context) {
      const response = await context.fetchDocument(options.url, context.getValidators(options.url));
      if (response.status === 304 || response.body === null) return [{ url: options.url, outcome: "not-modified" }];
      return [
        {
          url: options.url,
          outcome: "fetched",
          records: parseServicesCatalog(response.body),
          validators: response.validators,
          bytes: response.bytes,
        },
      ];
    },
  };
}
