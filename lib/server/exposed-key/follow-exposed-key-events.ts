import type { Logger } from "@/lib/server/logging/create-logger";
import { EMPTY_JOURNAL_FILTER } from "@/lib/server/store/contract/journal-contract";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import type { ExposedKeyResponder } from "@/lib/server/exposed-key/create-exposed-key-responder";
import { isExposedKeyEvent } from "@/lib/server/exposed-key/read-exposed-key-facts";

const PAGE = 500;
/** At start the follower reads back this many journal entries: an event that arrived while no process followed is looked up once. */
export const CATCH_UP_ENTRIES = 2_000;

/**
 * HEALTHDECK_EXPOSED_KEY_LOOKUP=auto: reads the journal after every commit (the poller's and EventBridge pushes',
 * on any replica) and, on the leader only, looks up each newly opened exposed-key event once (a new leader first
 * reads back CATCH_UP_ENTRIES). Returns the stop.
 */
export function followExposedKeyEvents(deps: { store: HealthdeckStore; responder: ExposedKeyResponder; logger: Logger; isLeader: () => boolean }): () => void {
  let cursor: number | null = null;
  let reading: Promise<void> | null = null;
  let isAgain = false;
  let isStopped = false;

  async function readNew(): Promise<void> {
    // A replica that becomes the leader starts reading from here: it looks up what the leader before it missed.
    if (!deps.isLeader()) return;
    cursor ??= Math.max(0, (await deps.store.journal.latestId()) - CATCH_UP_ENTRIES);
    for (;;) {
      const entries = await deps.store.journal.read(cursor, PAGE, EMPTY_JOURNAL_FILTER);
      for (const entry of entries) {
        cursor = entry.id;
        const eventId = entry.subject.eventId;
        const code = entry.summary.eventTypeCode;
        if (entry.kind !== "account.event.opened" || !eventId || typeof code !== "string" || !isExposedKeyEvent(code) || entry.summary.status === "closed") continue;
        if (isStopped || !deps.isLeader() || (await deps.responder.hasLookedUp(eventId))) continue;
        const started = await deps.responder.startLookup(eventId, { hours: 24, regions: [], trigger: "auto" });
        if (started.ok) deps.logger.info("exposed-key look-up started", { eventId, trigger: "auto" });
      }
      if (entries.length < PAGE) return;
    }
  }

  function wake(): void {
    if (isStopped) return;
    if (reading) {
      isAgain = true;
      return;
    }
    reading = readNew()
      .catch((error: unknown) => deps.logger.warn("exposed-key follower could not read the journal", { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        reading = null;
        if (isAgain) {
          isAgain = false;
          wake();
        }
      });
  }

  const unsubscribe = deps.store.onChange(wake);
  const stopHearingRoles = deps.store.coordinator.onRoleChange(wake);
  wake();
  return () => {
    isStopped = true;
    unsubscribe();
    stopHearingRoles();
  };
}
