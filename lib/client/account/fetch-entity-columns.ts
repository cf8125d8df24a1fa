import { fetchJsonBody, StatusFetchError } from "@/lib/client/fetch-status-response";
import { parseEntityColumns, type EntityColumnsPage } from "@/lib/client/account/parse-entity-columns";

/** One `format=lean` page of an event's affected resources, validated, as columns. */
export async function fetchEntityColumns(url: string, signal?: AbortSignal): Promise<EntityColumnsPage> {
  const { body, status } = await fetchJsonBody(url, {
    signal,
    describeFailure: async (response) => `Could not load affected resources (HTTP ${response.status})`,
  });
  const decodeStarted = performance.now();
  const parsed = parseEntityColumns(body);
  // User timings, so a profile (and bench/entity-table.ts) can tell the network from the decoding.
  performance.measure("healthdeck:entities-decode", { start: decodeStarted });
  if (parsed === null) throw new StatusFetchError("Healthdeck server sent an unexpected response", status);
  return parsed;
}

const early = new Map<string, Promise<EntityColumnsPage>>();

/**
 * Starts on the pages the server told the browser to preload as soon as this module runs, before the page has
 * hydrated: the rows are then often decoded (and `prepare`d) by the time the table asks (takePreloadedEntityColumns).
 */
export function startPreloadedEntityColumns(prepare: (page: EntityColumnsPage) => void = () => undefined): void {
  if (typeof document === "undefined") return;
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')) {
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || !url.pathname.endsWith("/entities") || url.searchParams.get("format") !== "lean") continue;
    const key = `${url.pathname}${url.search}`;
    if (early.has(key)) continue;
    const page = fetchEntityColumns(key).then((decoded) => {
      prepare(decoded);
      return decoded;
    });
    // Rejections are handled where the page is taken; one never taken is dropped quietly.
    page.catch(() => undefined);
    early.set(key, page);
  }
}

/** The page started by startPreloadedEntityColumns for this URL, once; null when none was. */
export function takePreloadedEntityColumns(url: string): Promise<EntityColumnsPage> | null {
  const page = early.get(url) ?? null;
  early.delete(url);
  return page;
}
