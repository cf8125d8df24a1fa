import type { AccountEvent } from "@/lib/shared/account-health-contract";
import type { Logger } from "@/lib/server/logging/create-logger";
import type { NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";
import { snapshotAccountEvent, type SnapshotDeps } from "@/lib/server/outputs/delivery/snapshot-change";
import { findOutput } from "@/lib/server/outputs/output-registry";
import { DEFAULT_REMINDER_OFFSETS, listDueOffsets } from "@/lib/server/outputs/reminders/plan-reminders";
import { rankSeverity } from "@/lib/server/outputs/rules/rank-severity";
import type { NotificationFacts } from "@/lib/server/outputs/rules/read-notification-facts";
import { isChannelDisabled } from "@/lib/server/outputs/admin/channel-switch";
import { matchesRule } from "@/lib/server/outputs/rules/select-channels";
import type { PollJob } from "@/lib/server/poller/create-poller";
import type { NewDelivery } from "@/lib/server/store/contract/outbox-contract";
import type { StoreRepos } from "@/lib/server/store/contract/store-contract";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";

export interface ReminderJobDeps extends SnapshotDeps {
  store: HealthdeckStore;
  config: NotifyConfig;
  now: () => number;
  logger: Logger;
  /** how often due reminders are looked for; default 60 s (a reminder is at most this late, well within its grace) */
  intervalMs?: number;
}

/** Scheduled changes whose start is still ahead: the only events reminders are for (closed ones get none). */
const UPCOMING_CHANGES = { categories: ["scheduledChange"], statuses: ["upcoming", "open"], regions: [], services: [], accounts: [], eventTypeCodes: [], to: null, search: null, limit: 5000 } as const;

function factsOf(event: AccountEvent): NotificationFacts {
  return {
    source: "account",
    kind: "reminder",
    eventId: event.id,
    service: event.service.toLowerCase(),
    region: event.region,
    accountId: event.accountId,
    category: event.category,
    eventTypeCode: event.eventTypeCode,
    isSecurity: event.isSecurity,
    status: event.status,
    severity: rankSeverity("account", event.status, event.category),
    isMaterial: true,
  };
}

/**
 * The reminders due at `now`, as outbox rows, in the caller's transaction. The key names the offset and the start,
 * so a moved start gets fresh reminders, and a second run, a restart or another replica meets the same key (ignored).
 */
export async function planReminderDeliveries(tx: StoreRepos, deps: Omit<ReminderJobDeps, "store" | "logger" | "intervalMs">): Promise<NewDelivery[]> {
  const rules = deps.config.rules.filter((rule) => rule.kinds === undefined || rule.kinds.includes("reminder"));
  if (rules.length === 0) return [];
  const now = deps.now();
  const channels = new Map(deps.config.channels.map((channel) => [channel.id, channel]));
  const deliveries: NewDelivery[] = [];
  let journalId: number | null = null;
  for (const event of await tx.accountEvents.listEvents({ ...UPCOMING_CHANGES, from: now })) {
    const startsAt = Date.parse(event.startTime ?? "");
    if (Number.isNaN(startsAt) || startsAt <= now) continue;
    const facts = factsOf(event);
    // channel → offsets due, each channel once per offset however many rules ask for it
    const due = new Map<string, Set<string>>();
    for (const rule of rules) {
      if (!matchesRule(rule, facts)) continue;
      for (const offset of listDueOffsets(rule.reminders ?? DEFAULT_REMINDER_OFFSETS, startsAt, now)) {
        for (const id of rule.channels) due.set(id, (due.get(id) ?? new Set()).add(offset));
      }
    }
    if (due.size === 0) continue;
    journalId ??= await tx.journal.latestId();
    const startsAtIso = new Date(startsAt).toISOString();
    const base = { kind: "reminder" as const, source: "account" as const, journalId, at: new Date(now).toISOString(), eventId: event.id, isSecurity: event.isSecurity };
    const { change } = await snapshotAccountEvent(event, base, tx, deps);
    for (const channel of deps.config.channels) {
      const offsets = due.get(channel.id);
      const output = channels.has(channel.id) ? findOutput(channel.type) : undefined;
      if (!offsets || !output || (await isChannelDisabled(tx.meta, channel.id))) continue;
      for (const offset of offsets) {
        deliveries.push({
          key: `${channel.id}:${event.id}:reminder:${offset}:${startsAtIso}`,
          channel: channel.id,
          kind: "reminder",
          eventId: event.id,
          journalId,
          createdAt: now,
          // A reminder that could only arrive after the start would mislead: it expires then.
          deadlineAt: startsAt,
          message: output.render({ ...change, reminder: { offset, startsAt: startsAtIso } }, { publicUrl: deps.publicUrl }),
        });
      }
    }
  }
  return deliveries;
}

/** Leader-only, like the dispatcher: looks for due reminders on a short interval and queues them in one transaction. */
export function createReminderJob(deps: ReminderJobDeps): PollJob {
  return {
    id: "notify-reminders",
    intervalMs: deps.intervalMs ?? 60_000,
    timeoutMs: 5 * 60_000,
    async run() {
      const queued = await deps.store.write(async (tx) => tx.outbox.enqueue(await planReminderDeliveries(tx, deps)), { fenced: true });
      if (queued > 0) deps.logger.info("reminders queued", { count: queued });
    },
  };
}
