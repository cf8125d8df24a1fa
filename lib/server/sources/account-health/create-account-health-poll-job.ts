import type { HealthdeckConfig } from "@/lib/server/config/config-schema";
import type { Logger } from "@/lib/server/logging/create-logger";
import type { PollJob } from "@/lib/server/poller/create-poller";
import { readAccountHealthSettings } from "@/lib/server/sources/account-health/account-health-settings";
import { createAccountHealthJob } from "@/lib/server/sources/account-health/create-account-health-job";
import type { HealthClientSettings } from "@/lib/server/sources/account-health/create-health-client";
import type { AccountHealthReport } from "@/lib/server/sources/account-health/record-account-health-cycle";
import type { ResolveCname } from "@/lib/server/sources/account-health/resolve-health-region";
import type { AccountCredentialDeps } from "@/lib/server/sources/account-health/resolve-account-targets";
import type { EndpointForRegion } from "@/lib/server/sources/account-health/track-health-endpoint";
import type { AccountHealthSink } from "@/lib/server/sources/account-health/account-health-sink";

/** What tests, benchmarks and the demo inject so the account source runs against the fake without network. */
export interface AccountHealthDeps {
  /** default: dns.promises.resolveCname */
  resolveCname?: ResolveCname;
  /** endpoint URL per region (the fake's active/passive pair); default: the SDK's endpoint of the region */
  endpointForRegion?: EndpointForRegion;
  credentials?: AccountCredentialDeps;
  /** default: process.env (only AWS_ENDPOINT_URL_HEALTH and AWS_ENDPOINT_URL_STS are read) */
  env?: Record<string, string | undefined>;
  regionRecheckMs?: number;
  maxAttempts?: number;
  retryMode?: HealthClientSettings["retryMode"];
}

export interface AccountHealthPollJobInput {
  config: HealthdeckConfig;
  sink: AccountHealthSink;
  logger: Logger;
  now: () => number;
  userAgent: string;
  deps?: AccountHealthDeps;
  onCycle?: (report: AccountHealthReport) => void;
}

/** The `account-health` poll job, or null when HEALTHDECK_ACCOUNT_HEALTH=off. */
export function createAccountHealthPollJob(input: AccountHealthPollJobInput): PollJob | null {
  const settings = readAccountHealthSettings(input.config, input.deps?.env);
  if (settings.mode === "off") return null;
  return createAccountHealthJob({
    settings,
    sink: input.sink,
    logger: input.logger,
    now: input.now,
    client: {
      maxAttempts: input.deps?.maxAttempts ?? 4,
      retryMode: input.deps?.retryMode ?? "adaptive",
      requestTimeoutMs: input.config.HEALTHDECK_HTTP_TIMEOUT_SECONDS * 1000,
      userAgent: input.userAgent,
    },
    resolveCname: input.deps?.resolveCname,
    endpointForRegion: input.deps?.endpointForRegion,
    credentials: input.deps?.credentials,
    regionRecheckMs: input.deps?.regionRecheckMs,
    onCycle: input.onCycle,
  });
}
