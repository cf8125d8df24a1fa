import { randomUUID } from "node:crypto";
import type { LookupView } from "@/lib/shared/exposed-key-contract";
import type { Logger } from "@/lib/server/logging/create-logger";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import type { RegionPacer } from "@/lib/server/sources/exposed-key/create-region-pacer";
import type { ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";
import { lookupKeyTrail } from "@/lib/server/sources/exposed-key/lookup-key-trail";
import { readKeyState, type KeyState } from "@/lib/server/sources/exposed-key/read-key-state";
import { chooseLookupRegions } from "@/lib/server/exposed-key/choose-lookup-regions";
import { enqueueSecurityNotice, type SecurityNoticeDeps } from "@/lib/server/exposed-key/enqueue-security-notice";
import { loadExposedKeyEvent, type ExposedKeyEvent } from "@/lib/server/exposed-key/load-exposed-key-event";
import { isClaimLive, readLookupClaim, releaseLookupClaim, writeLookupClaim, type HeldClaim, type LookupClaim } from "@/lib/server/exposed-key/lookup-claim";
import { readPersistedExposedKey, updatePersistedExposedKey } from "@/lib/server/exposed-key/persisted-exposed-key";
import { renderTrailSummary } from "@/lib/server/exposed-key/render-trail-summary";
import { claimToLookupView, toKeyStateView, toLookupView, type LookupRecord } from "@/lib/server/exposed-key/to-exposed-key-view";

/** A repeated look-up with the same window and regions within this time answers from the last one. */
export const LOOKUP_CACHE_MS = 5 * 60_000;
const CLAIM_ATTEMPTS = 3;

export type LookupRequest = { hours: number; regions: string[]; trigger: "auto" | "manual"; startedBy?: string | null };
export type ResponderFailure = { ok: false; status: 400 | 403 | 404 | 409; message: string };
export type LookupStart = { ok: true; lookup: LookupView; isNew: boolean } | ResponderFailure;

export interface LookupRunnerDeps {
  store: HealthdeckStore;
  logger: Logger;
  now: () => number;
  settings: ExposedKeySourceSettings;
  mode: "auto" | "manual" | "off";
  pacer: RegionPacer;
  notice: SecurityNoticeDeps;
  /** this process, as its claims name it */
  owner: string;
  /** how long a claim holds without renewal (a replica that died frees it after this) */
  leaseMs: number;
  /** how often the runner renews its lease and writes its progress */
  heartbeatMs: number;
}

class LostClaim extends Error {}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Look-ups single-flight across replicas: the one whose compare-and-set writes the event's claim pages CloudTrail,
 * renews the lease with its progress, and at the end stores the result and removes the claim in one transaction.
 */
export function createLookupRunner(deps: LookupRunnerDeps) {
  const { store, now } = deps;
  const running = new Map<string, { done: Promise<void>; stop: AbortController }>();

  async function runLookup(eventId: string, first: HeldClaim, event: ExposedKeyEvent, stop: AbortController): Promise<void> {
    let held = first;
    let progress = first.claim.progress;
    let renewing = Promise.resolve();
    const renew = async () => {
      if (stop.signal.aborted) return;
      try {
        const renewed = await writeLookupClaim(store, eventId, { ...held.claim, leaseUntil: now() + deps.leaseMs, progress }, held.raw);
        if (renewed) held = renewed;
        else stop.abort(new Error("another replica took the look-up over after this one's lease passed"));
      } catch (error) {
        deps.logger.warn("exposed-key look-up lease not renewed", { eventId, error: errorText(error) });
      }
    };
    const heartbeat = setInterval(() => (renewing = renewing.then(renew)), deps.heartbeatMs);
    const { claim } = first;
    const record: LookupRecord = { ...claim, status: "running", finishedAt: null, trail: null, error: null };
    const { facts } = event;
    let keyState: KeyState | null = null;
    try {
      if (!facts.keyId || !facts.accountId) throw new Error(!facts.keyId ? "the event names no access key id" : "the event names no account");
      keyState = await readKeyState(deps.settings, { accountId: facts.accountId, keyId: facts.keyId, userName: facts.userName, now: now() });
      const chosen = await chooseLookupRegions(deps.settings, { eventRegion: event.region, requested: claim.requested.regions, trigger: claim.trigger, accountId: facts.accountId, keyState });
      const trail = await lookupKeyTrail(deps.settings, {
        accountId: facts.accountId,
        keyId: facts.keyId,
        regions: chosen.regions,
        hours: claim.requested.hours,
        now: now(),
        pacer: deps.pacer,
        signal: stop.signal,
        onPage: (sofar) => (progress = sofar),
      });
      stop.signal.throwIfAborted();
      Object.assign(record, { trail, error: chosen.error, status: "complete" });
    } catch (error) {
      Object.assign(record, { status: "failed", error: errorText(error) });
    } finally {
      clearInterval(heartbeat);
      await renewing;
    }
    record.finishedAt = now();
    const state = keyState ? toKeyStateView(keyState) : null;
    try {
      await updatePersistedExposedKey(
        store,
        eventId,
        // A deactivation while the look-up ran read the key later: its state stays.
        (current) => ({ ...current, lookup: toLookupView(record), keyState: state && (current.keyState === null || current.keyState.checkedAt <= state.checkedAt) ? state : current.keyState }),
        async (tx) => {
          if (!(await releaseLookupClaim(tx, eventId, held))) throw new LostClaim();
        },
      );
    } catch (error) {
      if (error instanceof LostClaim) deps.logger.info("exposed-key look-up result dropped: another replica took it over", { eventId, lookupId: claim.id });
      else deps.logger.warn("exposed-key state not stored", { eventId, error: errorText(error) });
      return;
    }
    if (record.status !== "complete" || !record.trail || !keyState) return;
    const text = renderTrailSummary({ maskedKeyId: facts.maskedKeyId ?? "(unknown key)", userName: keyState.userName ?? facts.userName, keyState, trail: record.trail });
    await enqueueSecurityNotice(deps.notice, { eventId, kind: "exposed-key-summary", noticeId: claim.id, text }).catch((error: unknown) =>
      deps.logger.warn("exposed-key summary not queued", { eventId, error: errorText(error) }),
    );
    deps.logger.info("exposed-key look-up done", { eventId, lookupId: claim.id, events: record.trail.totalEvents, regions: record.trail.regions.length });
  }

  function launch(eventId: string, held: HeldClaim, event: ExposedKeyEvent): void {
    const stop = new AbortController();
    const done = runLookup(eventId, held, event, stop)
      .catch((error: unknown) => deps.logger.error("exposed-key look-up crashed", { eventId, error: errorText(error) }))
      .finally(() => running.delete(eventId));
    running.set(eventId, { done, stop });
  }

  return {
    /** Starts a look-up, or answers the one running on any replica, or a finished one of the same window within minutes. */
    async start(eventId: string, request: LookupRequest): Promise<LookupStart> {
      if (deps.mode === "off") return { ok: false, status: 409, message: "look-ups are off (HEALTHDECK_EXPOSED_KEY_LOOKUP=off)" };
      const event = await loadExposedKeyEvent(store, eventId);
      if (!event) return { ok: false, status: 404, message: "no such exposed-key event" };
      const requested = { hours: request.hours, regions: [...new Set(request.regions)].sort() };
      for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt += 1) {
        const stored = await readLookupClaim(store, eventId);
        if (stored?.claim && isClaimLive(stored.claim, now())) return { ok: true, lookup: claimToLookupView(stored.claim, now()), isNew: false };
        const last = (await readPersistedExposedKey(store, eventId))?.lookup;
        const isSame = last && last.requested.hours === requested.hours && last.requested.regions.join() === requested.regions.join();
        if (last && isSame && last.status === "complete" && Date.parse(last.finishedAt ?? "") > now() - LOOKUP_CACHE_MS) return { ok: true, lookup: last, isNew: false };
        const at = now();
        const claim: LookupClaim = { id: randomUUID(), owner: deps.owner, leaseUntil: at + deps.leaseMs, trigger: request.trigger, startedBy: request.startedBy ?? null, requested, startedAt: at, progress: { pages: 0, events: 0 } };
        // Over the stale claim of a replica that stopped, or over nothing: whoever writes first runs it.
        const held = await writeLookupClaim(store, eventId, claim, stored?.raw ?? null);
        if (held) {
          launch(eventId, held, event);
          return { ok: true, lookup: claimToLookupView(claim, at), isNew: true };
        }
      }
      return { ok: false, status: 409, message: "other replicas are starting look-ups of this event right now; try again" };
    },
    /** Resolves when the event's look-up running in this process (if any) is done. */
    async waitFor(eventId: string): Promise<void> {
      await running.get(eventId)?.done;
    },
    /** Running or finished, on any replica. */
    async hasLookedUp(eventId: string): Promise<boolean> {
      if ((await readLookupClaim(store, eventId)) !== null) return true;
      return (await readPersistedExposedKey(store, eventId))?.lookup != null;
    },
    /** Stops this process's look-ups; each stores that it stopped and frees its claim. */
    async close(): Promise<void> {
      const all = [...running.values()];
      for (const { stop } of all) stop.abort(new Error("the replica running it shut down"));
      await Promise.all(all.map(({ done }) => done));
    },
  };
}
export type LookupRunner = ReturnType<typeof createLookupRunner>;
