import { z } from "zod";
import { actionRecordSchema, keyStateSchema, lookupSchema, type ActionRecord, type KeyStateView, type LookupView } from "@/lib/shared/exposed-key-contract";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";

/** Most groups kept in the store per look-up (most calls first); the page says how many calls they stand for. */
export const MAX_STORED_GROUPS = 1_000;

const persistedSchema = z.object({ keyState: keyStateSchema.nullable(), lookup: lookupSchema.nullable(), actions: z.array(actionRecordSchema) });
export type PersistedExposedKey = { keyState: KeyStateView | null; lookup: LookupView | null; actions: ActionRecord[] };

const metaName = (eventId: string) => `exposed-key:${eventId}`;

/**
 * The last finished look-up, key state and actions of one event, kept in the store's meta table: every replica's page
 * shows them, and they outlive a restart. A look-up in flight lives only on the process running it.
 */
export async function savePersistedExposedKey(store: HealthdeckStore, eventId: string, value: PersistedExposedKey): Promise<void> {
  const bounded = value.lookup ? { ...value, lookup: { ...value.lookup, groups: value.lookup.groups.slice(0, MAX_STORED_GROUPS) } } : value;
  await store.write((tx) => tx.meta.set(metaName(eventId), JSON.stringify(bounded)));
}

export async function readPersistedExposedKey(store: HealthdeckStore, eventId: string): Promise<PersistedExposedKey | null> {
  const raw = await store.meta.get(metaName(eventId));
  if (raw === null) return null;
  try {
    const parsed = persistedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
