export async function register(): Promise<void> {
  // Node-only code stays out of the Edge bundle; the poller never runs during `next build`.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { registerHealthdeck } = await import("@/lib/server/runtime/register-healthdeck");
    await registerHealthdeck();
  }
}

/** Errors of pages and route handlers reach the log through the logger, which redacts account ids and key ids. */
export async function onRequestError(error: unknown, request: { path: string; method: string }, context: { routeType: string }): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { createLogger } = await import("@/lib/server/logging/create-logger");
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  createLogger().error("request failed", {
    method: request.method,
    path: request.path.split("?")[0],
    routeType: context.routeType,
    digest,
    error: error instanceof Error ? error.message : String(error),
  });
}
