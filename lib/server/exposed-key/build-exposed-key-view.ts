import type { ExposedKeyResponse } from "@/lib/shared/exposed-key-contract";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { loadExposedKeyEvent } from "@/lib/server/exposed-key/load-exposed-key-event";
import { readLookupClaim } from "@/lib/server/exposed-key/lookup-claim";
import { readPersistedExposedKey } from "@/lib/server/exposed-key/persisted-exposed-key";
import { claimToLookupView, toExposedKeyView } from "@/lib/server/exposed-key/to-exposed-key-view";

/**
 * GET …/exposed-key, all from the store, so every replica answers alike: the look-up in flight (its claim, with its
 * progress) before the last finished one, the key's state and the actions taken.
 */
export async function buildExposedKeyView(deps: { store: HealthdeckStore; now: () => number; settings: ExposedKeyResponse["settings"] }, eventId: string): Promise<ExposedKeyResponse | null> {
  const event = await loadExposedKeyEvent(deps.store, eventId);
  if (!event) return null;
  const [claim, stored] = await Promise.all([readLookupClaim(deps.store, eventId), readPersistedExposedKey(deps.store, eventId)]);
  return toExposedKeyView({
    eventId,
    facts: event.facts,
    settings: deps.settings,
    keyState: stored?.keyState ?? null,
    lookup: claim?.claim ? claimToLookupView(claim.claim, deps.now()) : (stored?.lookup ?? null),
    actions: stored?.actions ?? [],
  });
}
