import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { isExposedKeyEvent, readExposedKeyFacts, type ExposedKeyFacts } from "@/lib/server/exposed-key/read-exposed-key-facts";

export interface ExposedKeyEvent {
  facts: ExposedKeyFacts;
  /** the event's region as AWS gave it ("global" for most exposed-key events) */
  region: string | null;
}

/** The exposed-key event's facts from the store; null when there is no such event or it is of another type. */
export async function loadExposedKeyEvent(store: Pick<HealthdeckStore, "accountEvents">, eventId: string): Promise<ExposedKeyEvent | null> {
  const event = await store.accountEvents.getById(eventId);
  if (!event || !isExposedKeyEvent(event.eventTypeCode)) return null;
  const page = await store.accountEvents.listEntities(eventId, { offset: 0, limit: 10, search: null, statuses: [], sort: "entity", descending: false });
  const facts = readExposedKeyFacts({ ...event, entityValues: page.entities.map((entity) => entity.entityValue) });
  return { facts, region: event.region };
}
