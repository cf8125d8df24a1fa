import { StatusFetchError } from "@/lib/client/fetch-status-response";
import type { EntityColumnsPage } from "@/lib/client/account/parse-entity-columns";

/**
 * One `format=lean` page of an event's affected resources, validated, as columns. The parser (with zod)
 * is a chunk of its own, kept off the page's first load; it is requested together with the rows, not after them.
 */
export async function fetchEntityColumns(url: string, signal?: AbortSignal): Promise<EntityColumnsPage> {
  const parser = import("@/lib/client/account/parse-entity-columns");
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store", signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new StatusFetchError(`Healthdeck server unreachable (${cause instanceof Error ? cause.message : "network error"})`, null);
  }
  if (!response.ok) throw new StatusFetchError(`Could not load affected resources (HTTP ${response.status})`, response.status);
  const [{ parseEntityColumns }, body] = await Promise.all([parser, response.json() as Promise<unknown>]);
  const decodeStarted = performance.now();
  const parsed = parseEntityColumns(body);
  // User timings, so a profile (and bench/entity-table.ts) can tell the network from the decoding.
  performance.measure("healthdeck:entities-decode", { start: decodeStarted });
  if (parsed === null) throw new StatusFetchError("Healthdeck server sent an unexpected response", response.status);
  return parsed;
}
