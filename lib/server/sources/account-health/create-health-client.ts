import { HealthClient, type HealthClientConfig } from "@aws-sdk/client-health";
import type { HealthPlacement } from "@/lib/server/sources/account-health/track-health-endpoint";

/** Static credentials or a provider (the default chain, an assumed role, or a test's static keys). */
export type AwsCredentials = NonNullable<HealthClientConfig["credentials"]>;

export interface HealthClientSettings {
  credentials: AwsCredentials;
  /** SDK attempts per call (1 = no retry); the SDK backs off between them and retries throttling */
  maxAttempts: number;
  retryMode: "standard" | "adaptive";
  requestTimeoutMs: number;
  userAgent: string;
}

/** A client signing for the placement's region (never "aws-global", which always signs for us-east-1). */
export function createHealthClient(placement: HealthPlacement, settings: HealthClientSettings): HealthClient {
  return new HealthClient({
    region: placement.region,
    ...(placement.endpoint ? { endpoint: placement.endpoint } : {}),
    credentials: settings.credentials,
    maxAttempts: settings.maxAttempts,
    retryMode: settings.retryMode,
    customUserAgent: settings.userAgent,
    requestHandler: { requestTimeout: settings.requestTimeoutMs, connectionTimeout: settings.requestTimeoutMs },
  });
}

/** Keeps one client per target and replaces it when the placement (region or endpoint) changes. */
export function createHealthClientCache(settings: HealthClientSettings) {
  let current: { key: string; client: HealthClient } | null = null;
  return {
    clientFor(placement: HealthPlacement): HealthClient {
      const key = `${placement.region}|${placement.endpoint ?? ""}`;
      if (current?.key === key) return current.client;
      current?.client.destroy();
      current = { key, client: createHealthClient(placement, settings) };
      return current.client;
    },
    destroy(): void {
      current?.client.destroy();
      current = null;
    },
  };
}

export type HealthClientCache = ReturnType<typeof createHealthClientCache>;
