/** Kind of public-status payload that failed to parse; lets the poller name the source in its error. */
export type PublicStatusPayload = "bytes" | "currentevents" | "rss" | "catalog";

/**
 * Thrown when a public-status payload (bytes, JSON or XML) cannot be turned into records.
 * The poller maps it to an `unknown`/stale source state, never to `operational`.
 */
export class PublicStatusParseError extends Error {
  override readonly name = "PublicStatusParseError";
  readonly kind = "parse" as const;
  readonly payload: PublicStatusPayload;

  constructor(payload: PublicStatusPayload, message: string, options?: { cause?: unknown }) {
    super(`${payload}: ${message}`, options);
    this.payload = payload;
  }
}

export function isPublicStatusParseError(error: unknown): error is PublicStatusParseError {
  return error instanceof PublicStatusParseError;
}
