export async function register(): Promise<void> {
  // Node-only code stays out of the Edge bundle; the poller never runs during `next build`.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { registerHealthdeck } = await import("@/lib/server/runtime/register-healthdeck");
    await registerHealthdeck();
  }
}
