import type { HealthdeckConfig } from "@/lib/server/config/config-schema";

export const ACCOUNT_HEALTH_SOURCE_ID = "account-health";
export const ACCOUNT_HEALTH_SOURCE_LABEL = "Your AWS accounts (Health API)";

/** AHA, AWS's own sample poller, runs every minute; faster is allowed but impolite. */
const POLL_HINT_SECONDS = 60;
/** Absorbs clock skew and the API's eventual consistency between cycles. */
const OVERLAP_MS = 5 * 60_000;
/** "unavailable" (no support plan, access denied) and "disabled" (no credentials) are retried this rarely. */
const UNAVAILABLE_RETRY_MS = 15 * 60_000;

export interface AccountHealthSettings {
  mode: "auto" | "on" | "off";
  orgView: "auto" | "on" | "off";
  roleArns: string[];
  /** account id of the default credentials when known up front (HEALTHDECK_ACCOUNT_ID): no STS call */
  defaultAccountId: string | null;
  pollMs: number;
  sweepMs: number;
  lookbackMs: number;
  overlapMs: number;
  unavailableRetryMs: number;
  /** AWS_ENDPOINT_URL_HEALTH, the SDK's own override: used as given, DNS skipped */
  endpointOverride: string | null;
  /** AWS_ENDPOINT_URL_STS, the SDK's own override, for GetCallerIdentity and AssumeRole */
  stsEndpoint: string | null;
}

export function readAccountHealthSettings(config: HealthdeckConfig, env: Record<string, string | undefined> = process.env): AccountHealthSettings {
  const override = env.AWS_ENDPOINT_URL_HEALTH?.trim();
  const stsOverride = env.AWS_ENDPOINT_URL_STS?.trim();
  return {
    mode: config.HEALTHDECK_ACCOUNT_HEALTH,
    orgView: config.HEALTHDECK_ORG_VIEW,
    roleArns: config.HEALTHDECK_ASSUME_ROLES,
    defaultAccountId: config.HEALTHDECK_ACCOUNT_ID ?? null,
    pollMs: config.HEALTHDECK_ACCOUNT_POLL_SECONDS * 1000,
    sweepMs: config.HEALTHDECK_ACCOUNT_SWEEP_SECONDS * 1000,
    lookbackMs: config.HEALTHDECK_ACCOUNT_LOOKBACK_DAYS * 86_400_000,
    overlapMs: OVERLAP_MS,
    unavailableRetryMs: UNAVAILABLE_RETRY_MS,
    endpointOverride: override ? override : null,
    stsEndpoint: stsOverride ? stsOverride : null,
  };
}

export function listAccountHealthWarnings(config: HealthdeckConfig): string[] {
  if (config.HEALTHDECK_ACCOUNT_HEALTH === "off" || config.HEALTHDECK_ACCOUNT_POLL_SECONDS >= POLL_HINT_SECONDS) return [];
  return [
    `HEALTHDECK_ACCOUNT_POLL_SECONDS=${config.HEALTHDECK_ACCOUNT_POLL_SECONDS} is below ${POLL_HINT_SECONDS} s, the interval of AWS's own Health API sample poller; use short intervals only against a simulator`,
  ];
}
