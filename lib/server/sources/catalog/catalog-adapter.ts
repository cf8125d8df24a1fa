import { fetchSingleDocument, type SourceAdapter } from "@/lib/server/sources/source-adapter";
import type { CatalogEntry } from "@/lib/server/domain/public-status-records";
import { parseServicesCatalog } from "@/lib/server/sources/catalog/parse-services-catalog";

/** services.json: service keys, names and regions. Refreshed rarely; the bundled snapshot covers failures. */
export function createCatalogAdapter(options: { url: string }): SourceAdapter<CatalogEntry[]> {
  return {
    id: "public-catalog",
    label: "AWS service catalogue (services.json)",
    fetchDocuments: (context) => fetchSingleDocument(context, options.url, parseServicesCatalog),
  };
}
