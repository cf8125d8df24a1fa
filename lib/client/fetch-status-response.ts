import type { z } from "zod/mini";
import type { StatusResponse } from "@/lib/shared/public-status-contract";

/** A failed API call, with the server's `{ error }` message when it sent one. */
export class StatusFetchError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
    this.name = "StatusFetchError";
  }
}

async function readErrorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (typeof body === "object" && body !== null && "error" in body && typeof body.error === "string") return body.error;
  } catch {
    // fall through to the status line
  }
  return `HTTP ${response.status}`;
}

export interface JsonFetchOptions {
  signal?: AbortSignal;
  /** what to say when the server answers with an error status (default: its `{ error }` message) */
  describeFailure?: (response: Response) => Promise<string>;
}

/** GET `url` as JSON: the parsed body, or a StatusFetchError saying why not. An abort is rethrown as it is. */
export async function fetchJsonBody(url: string, options: JsonFetchOptions = {}): Promise<{ body: unknown; status: number }> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store", signal: options.signal });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new StatusFetchError(`Healthdeck server unreachable (${cause instanceof Error ? cause.message : "network error"})`, null);
  }
  if (!response.ok) throw new StatusFetchError(await (options.describeFailure ?? readErrorMessage)(response), response.status);
  return { body: (await response.json()) as unknown, status: response.status };
}

export async function fetchValidatedJson<T extends z.ZodMiniType>(url: string, loadSchema: () => Promise<T>): Promise<z.infer<T>> {
  const [schema, { body, status }] = await Promise.all([loadSchema(), fetchJsonBody(url)]);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new StatusFetchError("Healthdeck server sent an unexpected response", status);
  return parsed.data;
}

// The contract's zod/mini schema is loaded on the first refresh, not with the page: the first data arrives
// server-rendered anyway.
const loadStatusSchema = () => import("@/lib/shared/public-status-contract").then((contract) => contract.statusResponseSchema);

export function fetchStatusResponse(url: string): Promise<StatusResponse> {
  return fetchValidatedJson(url, loadStatusSchema);
}
