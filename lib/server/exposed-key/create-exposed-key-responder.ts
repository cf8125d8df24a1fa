import { randomUUID } from "node:crypto";
import type { HealthdeckConfig } from "@/lib/server/config/config-schema";
import type { Logger } from "@/lib/server/logging/create-logger";
import type { NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { readExposedKeyEndpoints, type ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";
import { buildExposedKeyView } from "@/lib/server/exposed-key/build-exposed-key-view";
import { createGuardAccess } from "@/lib/server/exposed-key/create-guard-access";
import { createLookupRunner } from "@/lib/server/exposed-key/create-lookup-runner";
import { createSharedRegionPacer } from "@/lib/server/exposed-key/create-shared-region-pacer";
import { createKeyDeactivation } from "@/lib/server/exposed-key/deactivate-exposed-key";
import { createExposedKeyGuard, type ExposedKeyGuard } from "@/lib/server/exposed-key/exposed-key-guard";

export { LOOKUP_CACHE_MS, type LookupRequest, type ResponderFailure } from "@/lib/server/exposed-key/create-lookup-runner";
export type { DeactivateAnswer } from "@/lib/server/exposed-key/deactivate-exposed-key";

export interface ExposedKeyResponderDeps {
  config: HealthdeckConfig;
  store: HealthdeckStore;
  logger: Logger;
  now: () => number;
  notify: NotifyConfig | null;
  userAgent: string;
  guard?: ExposedKeyGuard;
  /** tests and the demo: endpoints (default from env), credentials, timeouts, limits */
  source?: Partial<ExposedKeySourceSettings>;
  env?: Record<string, string | undefined>;
  /** tests: how long a look-up's claim holds without renewal, and how often it is renewed */
  lease?: { leaseMs: number; heartbeatMs: number };
}

/** The exposed-key response of one process: look-ups (single-flight across replicas), the page's view, the guarded action. */
export function createExposedKeyResponder(deps: ExposedKeyResponderDeps) {
  const { config, store, now } = deps;
  const settings: ExposedKeySourceSettings = {
    readRoleTemplate: config.HEALTHDECK_RESPONDER_ROLE ?? null,
    actionRoleTemplate: config.HEALTHDECK_RESPONDER_ACTION_ROLE ?? null,
    endpoints: readExposedKeyEndpoints(deps.env ?? process.env),
    requestTimeoutMs: config.HEALTHDECK_HTTP_TIMEOUT_SECONDS * 1000,
    regionTimeoutMs: 60_000,
    ratePerSecond: 2,
    maxEvents: 10_000,
    userAgent: deps.userAgent,
    ...deps.source,
  };
  const guard = deps.guard ?? createExposedKeyGuard({ actions: config.HEALTHDECK_EXPOSED_KEY_ACTIONS, logger: deps.logger, access: createGuardAccess(deps), publicUrl: config.HEALTHDECK_PUBLIC_URL });
  const notice = { store, notify: deps.notify, publicUrl: config.HEALTHDECK_PUBLIC_URL ?? null, now, deadlineMs: 24 * 3_600_000 };
  const lookups = createLookupRunner({
    store,
    logger: deps.logger,
    now,
    settings,
    mode: config.HEALTHDECK_EXPOSED_KEY_LOOKUP,
    // CloudTrail's limit is per account and region, whatever the number of look-ups and replicas: slots in the store.
    pacer: createSharedRegionPacer({ store, ratePerSecond: settings.ratePerSecond }),
    notice,
    owner: randomUUID(),
    leaseMs: deps.lease?.leaseMs ?? 30_000,
    heartbeatMs: deps.lease?.heartbeatMs ?? 2_000,
  });
  const viewSettings = { lookup: config.HEALTHDECK_EXPOSED_KEY_LOOKUP, actions: guard.isActionEnabled ? "deactivate" : "none", readRoleConfigured: settings.readRoleTemplate !== null, actionRoleConfigured: settings.actionRoleTemplate !== null } as const;
  return {
    guard,
    settings,
    startLookup: lookups.start,
    waitForLookup: lookups.waitFor,
    hasLookedUp: lookups.hasLookedUp,
    getView: (eventId: string) => buildExposedKeyView({ store, now, settings: viewSettings }, eventId),
    deactivate: createKeyDeactivation({ store, logger: deps.logger, now, settings, guard, notice }),
    close: lookups.close,
  };
}
export type ExposedKeyResponder = ReturnType<typeof createExposedKeyResponder>;
