import type { NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";
import { snapshotChange, type SnapshotCache, type SnapshotDeps } from "@/lib/server/outputs/delivery/snapshot-change";
import { isChannelDisabled } from "@/lib/server/outputs/admin/channel-switch";
import { findOutput } from "@/lib/server/outputs/output-registry";
import { readNotificationFacts, type NotificationFacts } from "@/lib/server/outputs/rules/read-notification-facts";
import { selectChannels } from "@/lib/server/outputs/rules/select-channels";
import type { JournalEntry } from "@/lib/server/store/contract/journal-contract";
import type { NewDelivery } from "@/lib/server/store/contract/outbox-contract";
import type { OutboxRouter } from "@/lib/server/store/contract/store-contract";

export interface OutboxRouterDeps extends SnapshotDeps {
  config: NotifyConfig;
  now: () => number;
  /** an event first seen whose last change is older than this is history: recorded, not sent */
  freshMs: number;
  /** after this long unsent, a delivery is given up as expired */
  deadlineMs: number;
}

const RANK: Record<NotificationFacts["kind"], number> = { reminder: -1, updated: 0, opened: 1, resolved: 2 };

interface EventChange {
  entry: JournalEntry;
  facts: NotificationFacts;
  isFirstSeen: boolean;
}

/** One change per event per transaction: an event opened with its resources in one poll is one "opened". */
function collapse(entries: readonly JournalEntry[]): EventChange[] {
  const byEvent = new Map<string, EventChange>();
  for (const entry of entries) {
    const facts = readNotificationFacts(entry);
    // An update that changed nothing a reader acts on (only lastUpdatedTime, say) is recorded, not sent.
    if (!facts || !facts.isMaterial) continue;
    const held = byEvent.get(facts.eventId);
    const isFirstSeen = entry.summary.firstSeen === true || held?.isFirstSeen === true;
    const winner = !held || RANK[facts.kind] > RANK[held.facts.kind] ? { entry, facts } : held;
    byEvent.set(facts.eventId, { entry: winner.entry, facts: winner.facts, isFirstSeen });
  }
  return [...byEvent.values()];
}

/** The outbox rows of one transaction's journal entries: rules choose channels, each channel's output renders. */
export function createOutboxRouter(deps: OutboxRouterDeps): OutboxRouter {
  const channels = new Map(deps.config.channels.map((channel) => [channel.id, channel]));
  return async (entries, tx) => {
    const deliveries: NewDelivery[] = [];
    const cache: SnapshotCache = {};
    const disabled = new Map<string, boolean>();
    const isDisabled = async (id: string): Promise<boolean> => {
      const known = disabled.get(id);
      if (known !== undefined) return known;
      const isOff = await isChannelDisabled(tx.meta, id);
      disabled.set(id, isOff);
      return isOff;
    };
    for (const { entry, facts, isFirstSeen } of collapse(entries)) {
      const chosen = selectChannels(deps.config, facts);
      if (chosen.length === 0) continue;
      const snapshot = await snapshotChange(entry, facts, tx, deps, cache);
      if (!snapshot) continue;
      const now = deps.now();
      if (isFirstSeen && snapshot.lastChangedAt < now - deps.freshMs) continue;
      for (const id of chosen) {
        const channel = channels.get(id);
        const output = channel ? findOutput(channel.type) : undefined;
        // A channel an admin disabled gets no new deliveries (what was queued before still goes).
        if (!output || (await isDisabled(id))) continue;
        deliveries.push({
          // An event is announced as new once per channel, whatever the journal says later (a poll that reshapes an
          // event can journal "opened" again): a second "opened" meets this key and is dropped.
          key: facts.kind === "opened" ? `${id}:${facts.eventId}:opened` : `${id}:${facts.eventId}:${facts.kind}:${entry.id}`,
          channel: id,
          kind: facts.kind,
          eventId: facts.eventId,
          journalId: entry.id,
          createdAt: now,
          deadlineAt: now + deps.deadlineMs,
          message: output.render(snapshot.change, { publicUrl: deps.publicUrl }),
          isSecurity: snapshot.change.isSecurity,
          change: snapshot.change,
        });
      }
    }
    return deliveries;
  };
}
