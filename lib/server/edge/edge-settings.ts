import type { HealthdeckConfig } from "@/lib/server/config/config-schema";
import { getConfig } from "@/lib/server/config/load-config";
import { createHostCheck, type HostVerdict } from "@/lib/server/edge/allowed-hosts";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/server/edge/client-address";
import { createRateLimiter, type RateLimiter } from "@/lib/server/edge/rate-limiter";
import { createStreamSlots, type StreamSlots } from "@/lib/server/edge/stream-slots";

/** What the proxy and the stream route share: one per process (the proxy and the routes are separate bundles). */
export interface EdgeSettings {
  checkHost(host: string | null): HostVerdict;
  isTrustedProxy: TrustedProxies;
  limiter: RateLimiter;
  streamSlots: StreamSlots;
  frameAncestors: readonly string[];
  /** where forms may go besides this origin: the identity provider's, whose logout a sign-out form redirects to */
  formTargets: readonly string[];
  /** HEALTHDECK_PUBLIC_URL is https: every response counts as served over HTTPS */
  isPublicUrlHttps: boolean;
  isDevelopment: boolean;
}

type EdgeConfig = Pick<
  HealthdeckConfig,
  "HEALTHDECK_ALLOWED_HOSTS" | "HEALTHDECK_PUBLIC_URL" | "HEALTHDECK_RATE_LIMIT_PER_MINUTE" | "HEALTHDECK_STREAMS_PER_CLIENT" | "HEALTHDECK_FRAME_ANCESTORS" | "HEALTHDECK_AUTH" | "HEALTHDECK_OIDC_ISSUER"
>;

export function createEdgeSettings(config: EdgeConfig, env: { HEALTHDECK_TRUSTED_PROXIES?: string; NODE_ENV?: string }): EdgeSettings {
  return {
    checkHost: createHostCheck(config.HEALTHDECK_ALLOWED_HOSTS, config.HEALTHDECK_PUBLIC_URL),
    // HEALTHDECK_TRUSTED_PROXIES belongs to the sign-in settings (proxy mode) too; read as the same comma list.
    isTrustedProxy: parseTrustedProxies(env.HEALTHDECK_TRUSTED_PROXIES),
    limiter: createRateLimiter(config.HEALTHDECK_RATE_LIMIT_PER_MINUTE),
    streamSlots: createStreamSlots(config.HEALTHDECK_STREAMS_PER_CLIENT),
    frameAncestors: config.HEALTHDECK_FRAME_ANCESTORS,
    formTargets: config.HEALTHDECK_AUTH === "oidc" && config.HEALTHDECK_OIDC_ISSUER ? [new URL(config.HEALTHDECK_OIDC_ISSUER).origin] : [],
    isPublicUrlHttps: config.HEALTHDECK_PUBLIC_URL?.startsWith("https:") ?? false,
    isDevelopment: env.NODE_ENV === "development",
  };
}

const EDGE_KEY = Symbol.for("healthdeck.edge");
type EdgeHolder = { [EDGE_KEY]?: EdgeSettings };

export function getEdgeSettings(): EdgeSettings {
  const holder = globalThis as EdgeHolder;
  holder[EDGE_KEY] ??= createEdgeSettings(getConfig(), process.env);
  return holder[EDGE_KEY];
}
