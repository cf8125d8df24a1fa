import { isLoopbackHost } from "@/lib/server/auth/peer-address";

/**
 * The address `next start` listens on, read from its own command line (it runs in this process), else
 * HEALTHDECK_HOST (scripts/start.mjs). Next's default is every interface. null when it cannot be known here.
 */
export function resolveListenHost(argv: readonly string[], env: Record<string, string | undefined>): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? "";
    if (arg === "-H" || arg === "--hostname") return argv[index + 1] ?? null;
    if (arg.startsWith("--hostname=")) return arg.slice("--hostname=".length);
  }
  if (env.HEALTHDECK_HOST) return env.HEALTHDECK_HOST;
  if (argv.includes("start")) return "0.0.0.0";
  return null;
}

/** The refusal for `HEALTHDECK_AUTH=none` off loopback, or null when the setting is allowed. */
export function checkAuthNoneHost(auth: string, host: string | null): string | null {
  if (auth !== "none" || host === null || isLoopbackHost(host)) return null;
  return (
    `HEALTHDECK_AUTH=none lets anyone read every account's data, so it serves only on loopback, and this server would listen on ${host}. ` +
    "Set HEALTHDECK_AUTH=oidc (with HEALTHDECK_OIDC_ISSUER, HEALTHDECK_OIDC_CLIENT_ID, HEALTHDECK_OIDC_CLIENT_SECRET, HEALTHDECK_SESSION_SECRET, HEALTHDECK_PUBLIC_URL) " +
    "or HEALTHDECK_AUTH=proxy (with HEALTHDECK_TRUSTED_PROXIES), or listen on 127.0.0.1 (HEALTHDECK_HOST=127.0.0.1)."
  );
}
