import type { Logger } from "@/lib/server/logging/create-logger";
import type { HealthOperation } from "@/lib/server/sources/account-health/call-health";
import type { PollJob } from "@/lib/server/poller/create-poller";
import { ACCOUNT_HEALTH_SOURCE_ID, type AccountHealthSettings } from "@/lib/server/sources/account-health/account-health-settings";
import { createHealthClientCache, type HealthClientCache, type HealthClientSettings } from "@/lib/server/sources/account-health/create-health-client";
import { resolveCnameWithDns, type ResolveCname } from "@/lib/server/sources/account-health/resolve-health-region";
import { checkCredentials, createAccountTargets, identifyTarget, type AccountCredentialDeps, type AccountTarget } from "@/lib/server/sources/account-health/resolve-account-targets";
import { runTargetCycle } from "@/lib/server/sources/account-health/run-target-cycle";
import { toAssumeRoleOutcome, toFailedOutcome, type TargetOutcome } from "@/lib/server/sources/account-health/summarise-target-outcomes";
import { createHealthEndpointTracker, type EndpointForRegion } from "@/lib/server/sources/account-health/track-health-endpoint";
import { recordAccountHealthCycle, type AccountHealthReport } from "@/lib/server/sources/account-health/record-account-health-cycle";
import type { AccountHealthSink } from "@/lib/server/sources/account-health/account-health-sink";

export interface AccountHealthJobOptions {
  settings: AccountHealthSettings;
  sink: AccountHealthSink;
  logger: Logger;
  now: () => number;
  client: Omit<HealthClientSettings, "credentials">;
  resolveCname?: ResolveCname;
  endpointForRegion?: EndpointForRegion;
  credentials?: AccountCredentialDeps;
  /** how often a running cycle re-asks DNS for the active region; default 10 s (the CNAME's TTL) */
  regionRecheckMs?: number;
  /** the poller aborts a run after this long; progress is kept, the cursor only moves on success */
  timeoutMs?: number;
  onCycle?: (report: AccountHealthReport) => void;
}

const DEFAULT_TIMEOUT_MS = 30 * 60_000;

/** In auto mode, a default chain without credentials means nobody asked for account health: the source is off, quietly. */
const noCredentialsReason = (error: unknown) =>
  `no AWS credentials found, so account health is off (HEALTHDECK_ACCOUNT_HEALTH=auto); configure credentials or set HEALTHDECK_ACCOUNT_HEALTH=off: ${error instanceof Error ? error.message : String(error)}`.slice(0, 400);

/** The Health API poll job: one cycle per target (default credentials, or each assumed role) per run. */
export function createAccountHealthJob(options: AccountHealthJobOptions): PollJob {
  const { settings, sink, logger } = options;
  const tracker = createHealthEndpointTracker({
    endpointOverride: settings.endpointOverride,
    resolveCname: options.resolveCname ?? resolveCnameWithDns,
    endpointForRegion: options.endpointForRegion,
    now: options.now,
    recheckMs: options.regionRecheckMs ?? 10_000,
    onProblem: (problem) => logger.warn("AWS Health endpoint: using us-east-1", { problem }),
  });
  const credentialDeps = options.credentials ?? {};
  const sts = { endpoint: settings.stsEndpoint };
  const targets: AccountTarget[] = createAccountTargets(settings.roleArns, credentialDeps, sts, settings.defaultAccountId);
  const clients = new Map<string, HealthClientCache>();
  const skipUntil = new Map<string, { until: number; outcome: Extract<TargetOutcome, { reason: string }> }>();
  const throttle = { consecutive: 0, until: 0 };
  // A new process tries at once: the settings or the support plan may have changed since the condition was stored.
  let hasRun = false;

  const clientsFor = (target: AccountTarget) => {
    let cache = clients.get(target.key);
    if (!cache) {
      cache = createHealthClientCache({ ...options.client, credentials: target.credentials });
      clients.set(target.key, cache);
    }
    return cache;
  };

  async function runTarget(target: AccountTarget, signal: AbortSignal): Promise<TargetOutcome> {
    const calls = new Map<HealthOperation, number>();
    try {
      await checkCredentials(target.credentials);
    } catch (error) {
      if (settings.mode === "auto" && target.roleArn === null) return { kind: "disabled", targetKey: target.key, accountId: null, reason: noCredentialsReason(error), calls };
      // For a role, resolving the credentials is STS AssumeRole.
      if (target.roleArn !== null) return toAssumeRoleOutcome(target.key, target.accountId, target.roleArn, error);
      return toFailedOutcome(target.key, target.accountId, error, calls);
    }
    try {
      const accountId = await identifyTarget(target, sts);
      const result = await runTargetCycle(accountId, {
        sink,
        logger,
        now: options.now,
        signal,
        tracker,
        clients: clientsFor(target),
        orgView: settings.orgView,
        windows: { lookbackMs: settings.lookbackMs, sweepMs: settings.sweepMs },
        overlapMs: settings.overlapMs,
        calls,
      });
      if (result.unavailable) return { kind: "unavailable", targetKey: target.key, accountId, reason: result.unavailable, calls };
      return { kind: "ok", targetKey: target.key, result };
    } catch (error) {
      signal.throwIfAborted();
      return toFailedOutcome(target.key, target.accountId, error, calls);
    }
  }

  return {
    id: ACCOUNT_HEALTH_SOURCE_ID,
    intervalMs: settings.pollMs,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    async run(signal) {
      const startedAt = options.now();
      const condition = await sink.getCondition();
      if ((hasRun && condition && startedAt < condition.retryAt) || startedAt < throttle.until) return;
      hasRun = true;
      await sink.recordAttempt(startedAt);
      const outcomes: TargetOutcome[] = [];
      try {
        for (const target of targets) {
          const skipped = skipUntil.get(target.key);
          if (skipped && startedAt < skipped.until) {
            outcomes.push({ ...skipped.outcome, calls: new Map() });
            continue;
          }
          const outcome = await runTarget(target, signal);
          if (outcome.kind === "unavailable" || outcome.kind === "disabled") {
            skipUntil.set(target.key, { until: startedAt + settings.unavailableRetryMs, outcome });
          }
          else skipUntil.delete(target.key);
          outcomes.push(outcome);
        }
      } catch (error) {
        const reason = signal.aborted && signal.reason instanceof Error ? signal.reason.message : error instanceof Error ? error.message : String(error);
        outcomes.push({ kind: "error", targetKey: "cycle", accountId: null, reason, calls: new Map() });
      }
      await recordAccountHealthCycle({ sink, logger, settings, outcomes, startedAt, finishedAt: options.now(), throttle, onCycle: options.onCycle });
    },
  };
}
