import type { HealthdeckConfig } from "@/lib/server/config/config-schema";
import type { Logger } from "@/lib/server/logging/create-logger";
import { loadNotifyConfig, NotifyConfigError } from "@/lib/server/outputs/config/load-notify-config";
import type { NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";
import { createDispatcher, type DispatcherOptions } from "@/lib/server/outputs/delivery/create-dispatcher";
import { createOutboxRouter } from "@/lib/server/outputs/delivery/create-outbox-router";
import { explainMissingSmtp, readSmtpSettings } from "@/lib/server/outputs/email/smtp-settings";
import { findOutput } from "@/lib/server/outputs/output-registry";
import { createReminderJob } from "@/lib/server/outputs/reminders/create-reminder-job";
import { resolveRuleAccounts } from "@/lib/server/outputs/rules/account-names";
import type { PollJob } from "@/lib/server/poller/create-poller";
import type { Catalog } from "@/lib/server/sources/catalog/create-catalog";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";

export interface NotifyOptions extends DispatcherOptions {
  /** where `${NAME}` references are read; default process.env */
  env?: Record<string, string | undefined>;
  /** default 24 h */
  deadlineMs?: number;
  /** how often the reminders job looks for due reminders; default 60 s */
  reminderIntervalMs?: number;
}

export interface Notifications {
  config: NotifyConfig;
  dispatcher: PollJob;
  /** leader-only, beside the dispatcher: queues reminders of scheduled changes */
  reminders: PollJob;
  /**
   * Calls `wake` after each commit that queued messages (coalesced: never two at once), so that a change reaches its
   * channels without waiting for the dispatcher's next tick. Returns the unsubscribe.
   */
  onQueued(wake: () => Promise<void>): () => void;
}

/** Reads the notifications file named by HEALTHDECK_NOTIFY_CONFIG and checks that this build can send to every channel. */
export function readNotifyConfig(config: HealthdeckConfig, env: Record<string, string | undefined>): NotifyConfig | null {
  const filePath = config.HEALTHDECK_NOTIFY_CONFIG;
  if (!filePath) return null;
  const notify = loadNotifyConfig(filePath, env);
  for (const [index, channel] of notify.channels.entries()) {
    if (!findOutput(channel.type)) {
      throw new NotifyConfigError(`HEALTHDECK_NOTIFY_CONFIG: ${filePath}: channels.${index}.type: ${channel.type} channels are not supported by this build`);
    }
    const missingSmtp = channel.type === "email" ? explainMissingSmtp(readSmtpSettings(config)) : null;
    if (missingSmtp) throw new NotifyConfigError(`HEALTHDECK_NOTIFY_CONFIG: ${filePath}: channels.${index} ("${channel.id}") is an email channel: ${missingSmtp}`);
  }
  return resolveRuleAccounts(notify, config.HEALTHDECK_ACCOUNT_NAMES, filePath);
}

/**
 * Every replica routes its own writes' changes into the outbox (EventBridge pushes land on any replica); only the
 * leader runs the returned dispatcher job. Null when no notifications file is set.
 */
export function setUpNotifications(deps: {
  config: HealthdeckConfig;
  store: HealthdeckStore;
  getCatalog: () => Catalog;
  now: () => number;
  logger: Logger;
  options?: NotifyOptions;
}): Notifications | null {
  const options = deps.options ?? {};
  const notify = readNotifyConfig(deps.config, options.env ?? process.env);
  if (!notify) return null;
  const publicUrl = deps.config.HEALTHDECK_PUBLIC_URL ?? null;
  const accountNames = deps.config.HEALTHDECK_ACCOUNT_NAMES;
  let hasQueued = false;
  const route = createOutboxRouter({
    config: notify,
    getCatalog: deps.getCatalog,
    publicUrl,
    accountNames,
    now: deps.now,
    freshMs: deps.config.HEALTHDECK_NOTIFY_FRESH_MINUTES * 60_000,
    deadlineMs: options.deadlineMs ?? 24 * 3_600_000,
  });
  deps.store.setOutboxRouter(async (entries, tx) => {
    const deliveries = await route(entries, tx);
    if (deliveries.length > 0) hasQueued = true;
    return deliveries;
  });
  deps.logger.info("notifications on", { channels: notify.channels.length, rules: notify.rules.length });
  return {
    config: notify,
    dispatcher: createDispatcher({ ...options, smtp: readSmtpSettings(deps.config), store: deps.store, config: notify, now: deps.now, logger: deps.logger, publicUrl: deps.config.HEALTHDECK_PUBLIC_URL ?? null }),
    onQueued(wake) {
      let isWaking = false;
      const kick = () => {
        if (isWaking || !hasQueued) return;
        hasQueued = false;
        isWaking = true;
        void wake()
          .catch((error: unknown) => deps.logger.warn("waking the dispatcher failed", { error: error instanceof Error ? error.message : String(error) }))
          .finally(() => {
            isWaking = false;
            kick();
          });
      };
      return deps.store.onChange(kick);
    },
    reminders: createReminderJob({ store: deps.store, config: notify, now: deps.now, logger: deps.logger, getCatalog: deps.getCatalog, publicUrl, accountNames, intervalMs: options.reminderIntervalMs }),
  };
}
