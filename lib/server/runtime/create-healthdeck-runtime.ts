import type { HealthdeckConfig } from "@/lib/server/config/config-schema";
import { listPollIntervalWarnings } from "@/lib/server/config/load-config";
import { fetchUpstream } from "@/lib/server/http/fetch-upstream";
import { createConcurrencyLimit } from "@/lib/server/http/limit-concurrency";
import { createLogger, type Logger } from "@/lib/server/logging/create-logger";
import { createPoller, type Poller, type TimerApi } from "@/lib/server/poller/create-poller";
import { createSourceJob, type FetchDocument, type SourceCycleReport } from "@/lib/server/poller/create-source-job";
import { createPublicStatusWriter } from "@/lib/server/poller/write-public-status";
import { listAccountHealthWarnings } from "@/lib/server/sources/account-health/account-health-settings";
import { createAccountHealthPollJob, type AccountHealthDeps } from "@/lib/server/sources/account-health/create-account-health-poll-job";
import type { AccountHealthReport } from "@/lib/server/sources/account-health/record-account-health-cycle";
import { createCatalogAdapter } from "@/lib/server/sources/catalog/catalog-adapter";
import { createCatalog, loadBundledCatalog, type Catalog } from "@/lib/server/sources/catalog/create-catalog";
import { createCurrentEventsAdapter } from "@/lib/server/sources/public-status/current-events-adapter";
import { createWarnOnce } from "@/lib/server/sources/public-status/map-public-status";
import { createRssAdapter } from "@/lib/server/sources/public-status/rss-adapter";
import { isInScope, type ScopeSettings } from "@/lib/server/services/public-scope";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import type { ReplicaRole } from "@/lib/server/store/contract/store-contract";
import { createJournalRetentionJob } from "@/lib/server/poller/create-journal-retention-job";
import { createOrgUnitsJob } from "@/lib/server/poller/create-org-units-job";
import { createAccountHealthSink } from "@/lib/server/poller/create-account-health-sink";
import { createPollMetrics, type PollMetrics } from "@/lib/server/outputs/metrics/create-poll-metrics";
import { setUpNotifications, type Notifications, type NotifyOptions } from "@/lib/server/outputs/set-up-notifications";
import { closeSmtpTransports } from "@/lib/server/outputs/email/smtp-transport";
import { createExposedKeyResponder, type ExposedKeyResponder, type ExposedKeyResponderDeps } from "@/lib/server/exposed-key/create-exposed-key-responder";
import { followExposedKeyEvents } from "@/lib/server/exposed-key/follow-exposed-key-events";

export const HEALTHDECK_VERSION = "0.1.0";
export const USER_AGENT = `Healthdeck/${HEALTHDECK_VERSION} (self-hosted AWS health dashboard; polite poller)`;

export interface RuntimeDeps {
  config: HealthdeckConfig;
  store: HealthdeckStore;
  logger?: Logger;
  now?: () => number;
  fetchImpl?: typeof fetch;
  timers?: TimerApi;
  onCycle?: (report: SourceCycleReport) => void;
  /** DNS, endpoints and credentials of the Health API source (tests and the demo point it at the fake) */
  accountHealth?: AccountHealthDeps;
  onAccountCycle?: (report: AccountHealthReport) => void;
  /** the notifications dispatcher's environment and timings (tests shorten them) */
  notify?: NotifyOptions;
  /** the exposed-key response's endpoints, credentials and limits (tests point it at the simulator) */
  exposedKey?: Pick<ExposedKeyResponderDeps, "source" | "env">;
}

export interface HealthdeckRuntime {
  config: HealthdeckConfig;
  store: HealthdeckStore;
  logger: Logger;
  poller: Poller;
  scope: ScopeSettings;
  now: () => number;
  startedAt: number;
  getCatalog(): Catalog;
  /** Per-feed RSS keys polled this cycle besides all.rss. */
  listFeedKeys(): Promise<string[]>;
  /** Resolves once the stored catalogue is loaded (until then the bundled one serves). */
  ready: Promise<void>;
  /** null when HEALTHDECK_NOTIFY_CONFIG is unset */
  notifications: Notifications | null;
  /** counters of this process's poll cycles, for GET /metrics */
  pollMetrics: PollMetrics;
  /** the exposed-key response (AWS_RISK_CREDENTIALS_EXPOSED): look-ups, key state, the guarded deactivation */
  exposedKey: ExposedKeyResponder;
  /** Polls whenever this process is the leader (always, on SQLite); stops the moment it is not. Idempotent. */
  followLeadership(): void;
  close(): Promise<void>;
}

/** Wires sources, store and poller. Creating it starts nothing; `poller.start()` does. */
export function createHealthdeckRuntime(deps: RuntimeDeps): HealthdeckRuntime {
  const { config, store } = deps;
  const logger = deps.logger ?? createLogger();
  const now = deps.now ?? Date.now;
  const scope: ScopeSettings = { regions: config.HEALTHDECK_REGIONS, services: config.HEALTHDECK_SERVICES };

  let catalog = loadBundledCatalog();
  const getCatalog = () => catalog;
  const adoptCatalog = (next: Catalog) => {
    catalog = next;
    store.setKeySplitter((key) => catalog.splitServiceKey(key));
  };
  adoptCatalog(catalog);
  const ready = store.catalog.list().then((stored) => {
    if (stored.length > 0) adoptCatalog(createCatalog(stored));
  });

  const pollMetrics = createPollMetrics();
  const onCycle = (report: SourceCycleReport) => {
    pollMetrics.recordSourceCycle(report);
    deps.onCycle?.(report);
  };
  const onAccountCycle = (report: AccountHealthReport) => {
    pollMetrics.recordAccountCycle(report);
    deps.onAccountCycle?.(report);
  };

  const limit = createConcurrencyLimit(config.HEALTHDECK_HTTP_CONCURRENCY);
  const httpTimeoutMs = config.HEALTHDECK_HTTP_TIMEOUT_SECONDS * 1000;
  const fetchDocument: FetchDocument = (url, validators, signal) =>
    limit(() =>
      fetchUpstream({
        url,
        validators,
        userAgent: USER_AGENT,
        headersTimeoutMs: httpTimeoutMs,
        bodyTimeoutMs: httpTimeoutMs,
        maxBytes: config.HEALTHDECK_HTTP_MAX_BYTES,
        retries: config.HEALTHDECK_HTTP_RETRIES,
        signal,
        fetchImpl: deps.fetchImpl,
      }),
    );
  const singleDocumentTimeoutMs = (config.HEALTHDECK_HTTP_RETRIES + 1) * 2 * httpTimeoutMs + 15_000;

  const writer = createPublicStatusWriter({ getCatalog });
  const warnUnknownPrefix = createWarnOnce((message) => logger.warn(message));

  async function listFeedKeys(): Promise<string[]> {
    const inScope = catalog.entries.filter((entry) => isInScope(entry, scope));
    const isScoped = scope.regions.length > 0 || scope.services.length > 0;
    const keys = new Set<string>();
    if (isScoped && inScope.length <= config.HEALTHDECK_RSS_FEED_LIMIT) {
      for (const entry of inScope) keys.add(entry.key);
    }
    for (const key of await store.events.listOpenKeys()) {
      if (isInScope(catalog.splitServiceKey(key), scope)) keys.add(key);
    }
    return [...keys].slice(0, Math.max(config.HEALTHDECK_RSS_FEED_LIMIT, 0));
  }

  const jobs = [
    createSourceJob({
      adapter: createCatalogAdapter({ url: config.HEALTHDECK_CATALOG_URL }),
      intervalMs: config.HEALTHDECK_CATALOG_POLL_SECONDS * 1000,
      timeoutMs: singleDocumentTimeoutMs,
      store,
      fetchDocument,
      now,
      logger,
      onCycle,
      async write(tx, documents) {
        const entries = documents[0];
        if (!entries) return;
        await tx.catalog.replace(entries);
        adoptCatalog(createCatalog(entries));
      },
    }),
    createSourceJob({
      adapter: createCurrentEventsAdapter({ url: config.HEALTHDECK_PUBLIC_EVENTS_URL }),
      intervalMs: config.HEALTHDECK_PUBLIC_POLL_SECONDS * 1000,
      timeoutMs: singleDocumentTimeoutMs,
      store,
      fetchDocument,
      now,
      logger,
      onCycle,
      async write(tx, documents, nowMs) {
        const unknownRegions = documents
          .flatMap((document) => document.events.map((event) => event.region))
          .filter((region): region is string => region !== null && !catalog.regions.has(region));
        if (unknownRegions.length > 0) adoptCatalog(catalog.withExtraRegions(unknownRegions));
        await writer.writeCurrentEvents(tx, documents, nowMs);
      },
    }),
    createSourceJob({
      adapter: createRssAdapter({
        baseUrl: config.HEALTHDECK_PUBLIC_RSS_BASE_URL,
        listFeedKeys,
        onUnknownPrefix: (prefix) => warnUnknownPrefix(`unseen RSS title prefix "${prefix}" mapped to degraded`),
      }),
      intervalMs: config.HEALTHDECK_RSS_POLL_SECONDS * 1000,
      timeoutMs: Math.max(10 * 60_000, singleDocumentTimeoutMs),
      store,
      fetchDocument,
      now,
      logger,
      onCycle,
      write: (tx, documents, nowMs) => writer.writeRssFeeds(tx, documents, nowMs),
    }),
  ];

  const accountHealthJob = createAccountHealthPollJob({
    config,
    sink: createAccountHealthSink(store),
    logger,
    now,
    userAgent: USER_AGENT,
    deps: deps.accountHealth,
    onCycle: onAccountCycle,
  });
  if (accountHealthJob) jobs.push(accountHealthJob);

  jobs.push(createJournalRetentionJob({ store, now, retentionDays: config.HEALTHDECK_JOURNAL_RETENTION_DAYS, logger }));
  const orgUnitsJob = createOrgUnitsJob({ config, store, logger, now, userAgent: USER_AGENT, credentials: deps.accountHealth?.credentials, env: deps.accountHealth?.env });
  if (orgUnitsJob) jobs.push(orgUnitsJob);

  const notifications = setUpNotifications({ config, store, getCatalog, now, logger, options: deps.notify });
  if (notifications) jobs.push(notifications.dispatcher, notifications.reminders);

  const exposedKey = createExposedKeyResponder({
    config,
    store,
    logger,
    now,
    notify: notifications?.config ?? null,
    userAgent: USER_AGENT,
    env: deps.exposedKey?.env ?? deps.accountHealth?.env,
    source: { baseCredentials: deps.accountHealth?.credentials?.baseCredentials, ...deps.exposedKey?.source },
  });
  let stopExposedKey: (() => void) | null = null;

  const poller = createPoller({ jobs, timers: deps.timers, logger });
  // Only the leader sends (its poller runs); a change that queued messages wakes its dispatcher at once.
  notifications?.onQueued(() => (poller.isRunning ? poller.runNow("notify-dispatch") : Promise.resolve()));
  let stopFollowing: (() => void) | null = null;
  let isClosed = false;

  function applyRole(role: ReplicaRole): void {
    if (role === "follower") {
      if (poller.isRunning) logger.info("not the leader: polling stops", { role });
      void poller.stop();
      return;
    }
    void ready.then(() => {
      if (isClosed || store.coordinator.role === "follower" || poller.isRunning) return;
      poller.start();
      logger.info("polling", { role });
    });
  }
  for (const warning of [...listPollIntervalWarnings(config), ...listAccountHealthWarnings(config)]) logger.warn(warning);

  return {
    config,
    store,
    logger,
    poller,
    scope,
    now,
    startedAt: now(),
    getCatalog,
    listFeedKeys,
    ready,
    notifications,
    pollMetrics,
    exposedKey,
    followLeadership() {
      if (stopFollowing !== null) return;
      if (config.HEALTHDECK_EXPOSED_KEY_LOOKUP === "auto") {
        stopExposedKey = followExposedKeyEvents({ store, responder: exposedKey, logger, isLeader: () => store.coordinator.role !== "follower" });
      }
      stopFollowing = store.coordinator.onRoleChange(applyRole);
      applyRole(store.coordinator.role);
    },
    async close() {
      isClosed = true;
      stopExposedKey?.();
      stopFollowing?.();
      await exposedKey.close();
      await poller.stop();
      // The pool is per process; the dispatcher that used it has stopped with the poller.
      if (notifications) closeSmtpTransports();
      await ready.catch(() => undefined);
      await store.close();
    },
  };
}
