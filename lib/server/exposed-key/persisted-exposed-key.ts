import { z } from "zod";
import { actionRecordSchema, keyStateSchema, lookupSchema, type ActionRecord, type KeyStateView, type LookupView } from "@/lib/shared/exposed-key-contract";
import type { HealthdeckStore, StoreTransaction } from "@/lib/server/store/healthdeck-store";

/** Most groups kept in the store per look-up (most calls first); the page says how many calls they stand for. */
export const MAX_STORED_GROUPS = 1_000;
const MAX_ACTIONS = 50;
const MAX_ATTEMPTS = 5;

const persistedSchema = z.object({ keyState: keyStateSchema.nullable(), lookup: lookupSchema.nullable(), actions: z.array(actionRecordSchema) });
export type PersistedExposedKey = { keyState: KeyStateView | null; lookup: LookupView | null; actions: ActionRecord[] };
export const EMPTY_PERSISTED: PersistedExposedKey = { keyState: null, lookup: null, actions: [] };

const metaName = (eventId: string) => `exposed-key:${eventId}`;

function parsePersisted(raw: string | null): PersistedExposedKey | null {
  if (raw === null) return null;
  try {
    const parsed = persistedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The last finished look-up, key state and actions of one event, kept in the store's meta table: every replica's page
 * shows them, and they outlive a restart. The look-up in flight is its claim (lookup-claim.ts).
 */
export async function readPersistedExposedKey(store: Pick<HealthdeckStore, "meta">, eventId: string): Promise<PersistedExposedKey | null> {
  return parsePersisted(await store.meta.get(metaName(eventId)));
}

class ChangedMeanwhile extends Error {}

/**
 * Read, change, compare-and-set in one transaction, again when another replica wrote in between: a look-up that
 * finishes and a deactivation at the same moment both stay. `alongside` runs in the same transaction (and may throw
 * to roll it back).
 */
export async function updatePersistedExposedKey(
  store: HealthdeckStore,
  eventId: string,
  change: (current: PersistedExposedKey) => PersistedExposedKey,
  alongside?: (tx: StoreTransaction) => Promise<void>,
): Promise<PersistedExposedKey> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await store.write(async (tx) => {
        const raw = await tx.meta.get(metaName(eventId));
        const next = bound(change(parsePersisted(raw) ?? EMPTY_PERSISTED));
        if (!(await tx.meta.compareAndSet(metaName(eventId), raw, JSON.stringify(next)))) throw new ChangedMeanwhile();
        await alongside?.(tx);
        return next;
      });
    } catch (error) {
      if (!(error instanceof ChangedMeanwhile) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

function bound(value: PersistedExposedKey): PersistedExposedKey {
  const lookup = value.lookup ? { ...value.lookup, groups: value.lookup.groups.slice(0, MAX_STORED_GROUPS) } : null;
  return { ...value, lookup, actions: value.actions.slice(0, MAX_ACTIONS) };
}
