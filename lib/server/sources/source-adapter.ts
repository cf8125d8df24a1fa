import type { UpstreamResponse, UpstreamValidators } from "@/lib/server/http/fetch-upstream";

/** Identifies a source in the store, the API (`sources[].id`) and logs. Public contract: add, never rename. */
export type SourceId = "public-currentevents" | "public-rss" | "public-catalog" | "account-health";

/** What an adapter may use: one bound fetcher (timeouts, limits, retries, concurrency, User-Agent). */
export interface SourceFetchContext {
  signal: AbortSignal;
  fetchDocument(url: string, validators: UpstreamValidators): Promise<UpstreamResponse>;
  getValidators(url: string): Promise<UpstreamValidators>;
}

/** One upstream document's outcome; validators are saved only after its records are stored. */
export type FetchedDocument<T> =
  | { url: string; outcome: "fetched"; records: T; validators: UpstreamValidators; bytes: number }
  | { url: string; outcome: "not-modified" }
  | { url: string; outcome: "failed"; error: string };

/**
 * One adapter per upstream: fetch, validate, normalise. Adapters never write; the poller stores
 * what they return. `fetchDocuments` rejects only when the source as a whole failed.
 */
export interface SourceAdapter<T> {
  id: SourceId;
  label: string;
  fetchDocuments(context: SourceFetchContext): Promise<FetchedDocument<T>[]>;
}

/** The whole fetch of a source made of one document: conditional GET, then parse unless unchanged. */
export async function fetchSingleDocument<T>(
  context: SourceFetchContext,
  url: string,
  parse: (body: Uint8Array) => T,
): Promise<FetchedDocument<T>[]> {
  const response = await context.fetchDocument(url, await context.getValidators(url));
  if (response.status === 304 || response.body === null) return [{ url, outcome: "not-modified" }];
  return [{ url, outcome: "fetched", records: parse(response.body), validators: response.validators, bytes: response.bytes }];
}
