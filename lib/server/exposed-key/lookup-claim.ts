import { z } from "zod";
import type { HealthdeckStore, StoreTransaction } from "@/lib/server/store/healthdeck-store";

/**
 * The look-up in flight of one event, kept in the store's meta table: every replica's page shows it, and only the
 * replica that wrote it (compare-and-set) pages CloudTrail. The runner renews `leaseUntil` while it works; a claim
 * whose lease passed belongs to a replica that stopped, and the next look-up may take it over.
 */
const claimSchema = z.object({
  id: z.string(),
  /** the process running it */
  owner: z.string(),
  /** epoch ms */
  leaseUntil: z.number(),
  trigger: z.enum(["auto", "manual"]),
  startedBy: z.string().nullable(),
  requested: z.object({ hours: z.number(), regions: z.array(z.string()) }),
  startedAt: z.number(),
  progress: z.object({ pages: z.number(), events: z.number() }),
});
export type LookupClaim = z.infer<typeof claimSchema>;

/** A claim as this process wrote it: `raw` is what a renewal or release must find in the store. */
export interface HeldClaim {
  claim: LookupClaim;
  raw: string;
}

const claimName = (eventId: string) => `exposed-key-lookup:${eventId}`;

export const isClaimLive = (claim: LookupClaim, now: number) => claim.leaseUntil > now;

/** The claim in the store (live or stale) and its raw text for a compare-and-set over it; `claim` null when unreadable. */
export async function readLookupClaim(store: Pick<HealthdeckStore, "meta">, eventId: string): Promise<{ raw: string; claim: LookupClaim | null } | null> {
  const raw = await store.meta.get(claimName(eventId));
  if (raw === null) return null;
  try {
    const parsed = claimSchema.safeParse(JSON.parse(raw));
    return { raw, claim: parsed.success ? parsed.data : null };
  } catch {
    return { raw, claim: null };
  }
}

/** Writes `claim` over `over` (null: none was there); null when another replica changed it first. */
export async function writeLookupClaim(store: HealthdeckStore, eventId: string, claim: LookupClaim, over: string | null): Promise<HeldClaim | null> {
  const raw = JSON.stringify(claimSchema.parse(claim));
  const isWritten = await store.write((tx) => tx.meta.compareAndSet(claimName(eventId), over, raw));
  return isWritten ? { claim, raw } : null;
}

/** Removes the claim if it is still the one held; false when the lease passed and another replica took it. */
export function releaseLookupClaim(tx: StoreTransaction, eventId: string, held: HeldClaim): Promise<boolean> {
  return tx.meta.compareAndSet(claimName(eventId), held.raw, null);
}
