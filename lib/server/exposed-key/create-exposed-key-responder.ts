import { randomUUID } from "node:crypto";
import type { ActionRecord, ExposedKeyResponse } from "@/lib/shared/exposed-key-contract";
import { ALL_ENABLED_REGIONS } from "@/lib/shared/exposed-key-contract";
import type { HealthdeckConfig } from "@/lib/server/config/config-schema";
import type { Logger } from "@/lib/server/logging/create-logger";
import type { NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { createRegionPacer } from "@/lib/server/sources/exposed-key/create-region-pacer";
import { deactivateAccessKey } from "@/lib/server/sources/exposed-key/deactivate-access-key";
import { describeResponderError } from "@/lib/server/sources/exposed-key/describe-responder-error";
import { readExposedKeyEndpoints, type ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";
import { listEnabledRegions } from "@/lib/server/sources/exposed-key/list-enabled-regions";
import { lookupKeyTrail } from "@/lib/server/sources/exposed-key/lookup-key-trail";
import { readKeyState, type KeyState } from "@/lib/server/sources/exposed-key/read-key-state";
import { enqueueSecurityNotice } from "@/lib/server/exposed-key/enqueue-security-notice";
import { createExposedKeyGuard, type ExposedKeyGuard, type GuardAccess } from "@/lib/server/exposed-key/exposed-key-guard";
import { createAuthContext } from "@/lib/server/auth/auth-context";
import { authorizeHeaders } from "@/lib/server/auth/identify-principal";
import { isExposedKeyEvent, readExposedKeyFacts, type ExposedKeyFacts } from "@/lib/server/exposed-key/read-exposed-key-facts";
import { renderTrailSummary } from "@/lib/server/exposed-key/render-trail-summary";
import { toExposedKeyView, toKeyStateView, toLookupView, type LookupRecord } from "@/lib/server/exposed-key/to-exposed-key-view";
import { readPersistedExposedKey, savePersistedExposedKey } from "@/lib/server/exposed-key/persisted-exposed-key";

/** A repeated look-up with the same window and regions within this time answers from the last one. */
export const LOOKUP_CACHE_MS = 5 * 60_000;
const MAX_TRACKED_EVENTS = 200;
const MAX_ACTIONS = 50;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export interface ExposedKeyResponderDeps {
  config: HealthdeckConfig;
  store: HealthdeckStore;
  logger: Logger;
  now: () => number;
  notify: NotifyConfig | null;
  userAgent: string;
  guard?: ExposedKeyGuard;
  /** tests and the demo: endpoints (default from env), credentials, timeouts, limits */
  source?: Partial<ExposedKeySourceSettings>;
  env?: Record<string, string | undefined>;
}

interface EventResponse {
  keyState: KeyState | null;
  lookup: LookupRecord | null;
  running: Promise<void> | null;
  actions: ActionRecord[];
}

export type LookupRequest = { hours: number; regions: string[]; trigger: "auto" | "manual" };
export type ResponderFailure = { ok: false; status: 400 | 403 | 404 | 409; message: string };
export type DeactivateAnswer = { ok: true; action: ActionRecord } | ResponderFailure;

export function createExposedKeyResponder(deps: ExposedKeyResponderDeps) {
  const { config } = deps;
  const settings: ExposedKeySourceSettings = {
    readRoleTemplate: config.HEALTHDECK_RESPONDER_ROLE ?? null,
    actionRoleTemplate: config.HEALTHDECK_RESPONDER_ACTION_ROLE ?? null,
    endpoints: readExposedKeyEndpoints(deps.env ?? process.env),
    requestTimeoutMs: config.HEALTHDECK_HTTP_TIMEOUT_SECONDS * 1000,
    regionTimeoutMs: 60_000,
    ratePerSecond: 2,
    maxEvents: 10_000,
    userAgent: deps.userAgent,
    ...deps.source,
  };
  const guard = deps.guard ?? createExposedKeyGuard({ actions: config.HEALTHDECK_EXPOSED_KEY_ACTIONS, logger: deps.logger, access: createGuardAccess(deps) });
  // CloudTrail's limit is per account and region, whatever the number of look-ups: one pacer for the process.
  const pacer = createRegionPacer({ ratePerSecond: settings.ratePerSecond });
  const responses = new Map<string, EventResponse>();
  const notice = { store: deps.store, notify: deps.notify, publicUrl: config.HEALTHDECK_PUBLIC_URL ?? null, now: deps.now, deadlineMs: 24 * 3_600_000 };

  function responseOf(eventId: string): EventResponse {
    let response = responses.get(eventId);
    if (!response) {
      response = { keyState: null, lookup: null, running: null, actions: [] };
      responses.set(eventId, response);
      if (responses.size > MAX_TRACKED_EVENTS) {
        const oldest = [...responses].find(([, held]) => held.running === null);
        if (oldest) responses.delete(oldest[0]);
      }
    }
    return response;
  }

  async function persist(eventId: string, deactivated = false): Promise<void> {
    const response = responses.get(eventId);
    if (!response) return;
    const stored = await readPersistedExposedKey(deps.store, eventId);
    const lookup = response.lookup && response.lookup.status !== "running" ? toLookupView(response.lookup) : (stored?.lookup ?? null);
    const storedState = stored?.keyState && deactivated ? { ...stored.keyState, status: "Inactive" as const, checkedAt: new Date(deps.now()).toISOString() } : (stored?.keyState ?? null);
    const keyState = response.keyState ? toKeyStateView(response.keyState) : storedState;
    await savePersistedExposedKey(deps.store, eventId, { keyState, lookup, actions: response.actions }).catch((error: unknown) =>
      deps.logger.warn("exposed-key state not stored", { eventId, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** A process that acts on an event it did not look up keeps the stored actions, so the list stays whole. */
  async function adoptStored(eventId: string, response: EventResponse): Promise<void> {
    const stored = await readPersistedExposedKey(deps.store, eventId);
    if (stored) response.actions = stored.actions;
  }

  async function loadFacts(eventId: string): Promise<{ facts: ExposedKeyFacts; region: string | null } | null> {
    const event = await deps.store.accountEvents.getById(eventId);
    if (!event || !isExposedKeyEvent(event.eventTypeCode)) return null;
    const page = await deps.store.accountEvents.listEntities(eventId, { offset: 0, limit: 10, search: null, statuses: [], sort: "entity", descending: false });
    const facts = readExposedKeyFacts({ ...event, entityValues: page.entities.map((entity) => entity.entityValue) });
    return { facts, region: event.region };
  }

  async function chooseRegions(eventRegion: string | null, request: LookupRequest, accountId: string, keyState: KeyState): Promise<{ regions: string[]; error: string | null }> {
    const regions = new Set<string>(["us-east-1"]);
    if (eventRegion && REGION.test(eventRegion)) regions.add(eventRegion);
    if (request.trigger === "auto" && keyState.lastUsed?.region && REGION.test(keyState.lastUsed.region)) regions.add(keyState.lastUsed.region);
    let error: string | null = null;
    for (const region of request.regions) {
      if (region !== ALL_ENABLED_REGIONS) regions.add(region);
      else {
        try {
          for (const enabled of await listEnabledRegions(settings, accountId)) regions.add(enabled);
        } catch (failure) {
          error = `could not list the enabled regions: ${describeResponderError(failure, "ec2:DescribeRegions").reason}`;
        }
      }
    }
    return { regions: [...regions].sort(), error };
  }

  async function runLookup(eventId: string, record: LookupRecord, facts: ExposedKeyFacts, eventRegion: string | null, request: LookupRequest): Promise<void> {
    const response = responseOf(eventId);
    try {
      if (!facts.keyId || !facts.accountId) throw new Error(!facts.keyId ? "the event names no access key id" : "the event names no account");
      const keyState = await readKeyState(settings, { accountId: facts.accountId, keyId: facts.keyId, userName: facts.userName, now: deps.now() });
      response.keyState = keyState;
      const chosen = await chooseRegions(eventRegion, request, facts.accountId, keyState);
      record.trail = await lookupKeyTrail(settings, { accountId: facts.accountId, keyId: facts.keyId, regions: chosen.regions, hours: request.hours, now: deps.now(), pacer });
      record.error = chosen.error;
      record.status = "complete";
      record.finishedAt = deps.now();
      const text = renderTrailSummary({ maskedKeyId: facts.maskedKeyId ?? "(unknown key)", userName: keyState.userName ?? facts.userName, keyState, trail: record.trail });
      await enqueueSecurityNotice(notice, { eventId, kind: "exposed-key-summary", noticeId: record.id, text }).catch((error: unknown) =>
        deps.logger.warn("exposed-key summary not queued", { eventId, error: error instanceof Error ? error.message : String(error) }),
      );
      deps.logger.info("exposed-key look-up done", { eventId, lookupId: record.id, events: record.trail.totalEvents, regions: chosen.regions.length });
    } catch (error) {
      record.status = "failed";
      record.finishedAt = deps.now();
      record.error = error instanceof Error ? error.message : String(error);
    }
    await persist(eventId);
  }

  return {
    guard,
    settings,
    /** Starts a look-up (or answers the running one, or a finished one of the same window within minutes). */
    async startLookup(eventId: string, request: LookupRequest): Promise<{ ok: true; lookup: LookupRecord; isNew: boolean } | ResponderFailure> {
      if (config.HEALTHDECK_EXPOSED_KEY_LOOKUP === "off") return { ok: false, status: 409, message: "look-ups are off (HEALTHDECK_EXPOSED_KEY_LOOKUP=off)" };
      const loaded = await loadFacts(eventId);
      if (!loaded) return { ok: false, status: 404, message: "no such exposed-key event" };
      const response = responseOf(eventId);
      const held = response.lookup;
      const requested = { hours: request.hours, regions: [...new Set(request.regions)].sort() };
      if (held && held.status === "running") return { ok: true, lookup: held, isNew: false };
      const isSame = held && held.requested.hours === requested.hours && held.requested.regions.join() === requested.regions.join();
      if (held && isSame && held.status === "complete" && (held.finishedAt ?? 0) > deps.now() - LOOKUP_CACHE_MS) return { ok: true, lookup: held, isNew: false };
      const record: LookupRecord = { id: randomUUID(), status: "running", trigger: request.trigger, requested, startedAt: deps.now(), finishedAt: null, trail: null, error: null };
      response.lookup = record;
      response.running = runLookup(eventId, record, loaded.facts, loaded.region, request).finally(() => {
        response.running = null;
      });
      return { ok: true, lookup: record, isNew: true };
    },
    /** Resolves when the event's look-up in flight (if any) is done. */
    async waitForLookup(eventId: string): Promise<void> {
      await responses.get(eventId)?.running;
    },
    /** In this process, or stored by any process before. */
    async hasLookedUp(eventId: string): Promise<boolean> {
      if (responses.get(eventId)?.lookup != null) return true;
      return (await readPersistedExposedKey(deps.store, eventId))?.lookup != null;
    },
    async getView(eventId: string): Promise<ExposedKeyResponse | null> {
      const loaded = await loadFacts(eventId);
      if (!loaded) return null;
      const response = responses.get(eventId);
      const view = toExposedKeyView({
        eventId,
        facts: loaded.facts,
        settings: { lookup: config.HEALTHDECK_EXPOSED_KEY_LOOKUP, actions: guard.isActionEnabled ? "deactivate" : "none", readRoleConfigured: settings.readRoleTemplate !== null, actionRoleConfigured: settings.actionRoleTemplate !== null },
        keyState: response?.keyState ?? null,
        lookup: response?.lookup ?? null,
        actions: response?.actions ?? [],
      });
      if (view.lookup !== null && view.keyState !== null) return view;
      // What this process does not hold (another replica looked up, or it ran before a restart): what the store kept.
      const stored = await readPersistedExposedKey(deps.store, eventId);
      if (!stored) return view;
      return { ...view, keyState: view.keyState ?? stored.keyState, lookup: view.lookup ?? stored.lookup, actions: view.actions.length > 0 ? view.actions : stored.actions };
    },
    /** The guarded action: authorised by the guard, confirmed by the key's last 4 characters, audited before and after. */
    async deactivate(eventId: string, confirm: string, request: Request): Promise<DeactivateAnswer> {
      const decision = await guard.authorize(request);
      const loaded = await loadFacts(eventId);
      const masked = loaded?.facts.maskedKeyId ?? null;
      const audit = (result: ActionRecord["result"] | "attempt", reason: string | null) =>
        guard.audit({ at: deps.now(), actor: decision.actor, action: "exposed-key.deactivate", eventId, result, maskedKeyId: masked, reason });
      await audit("attempt", null);
      if (!decision.allowed) {
        await audit("refused", decision.reason);
        return { ok: false, status: decision.status, message: decision.reason };
      }
      if (!loaded) {
        await audit("refused", "no such exposed-key event");
        return { ok: false, status: 404, message: "no such exposed-key event" };
      }
      const { facts } = loaded;
      if (!facts.keyId || !facts.last4 || !facts.accountId) {
        await audit("refused", "the event names no access key id or account");
        return { ok: false, status: 409, message: "the event names no access key id or account: nothing to deactivate" };
      }
      if (confirm.trim().toUpperCase() !== facts.last4.toUpperCase()) {
        await audit("refused", "confirmation did not match the key's last 4 characters");
        return { ok: false, status: 400, message: `confirm must be the last 4 characters of the key id (${facts.maskedKeyId})` };
      }
      const response = responseOf(eventId);
      if (response.lookup === null && response.keyState === null && response.actions.length === 0) await adoptStored(eventId, response);
      let userName = facts.userName ?? response.keyState?.userName ?? null;
      if (!userName) {
        response.keyState = await readKeyState(settings, { accountId: facts.accountId, keyId: facts.keyId, userName: null, now: deps.now() });
        userName = response.keyState.userName;
      }
      const outcome = userName
        ? await deactivateAccessKey(settings, { accountId: facts.accountId, keyId: facts.keyId, userName })
        : ({ result: "failed", problem: { kind: "not-found", reason: "the key's user is unknown (the event names none and IAM did not say)" } } as const);
      const reason = outcome.result === "failed" ? outcome.problem.reason : null;
      const action: ActionRecord = { id: randomUUID(), at: new Date(deps.now()).toISOString(), actor: decision.actor, action: "deactivate", result: outcome.result, reason };
      response.actions = [action, ...response.actions].slice(0, MAX_ACTIONS);
      if (outcome.result !== "failed" && response.keyState) response.keyState = { ...response.keyState, status: "Inactive", checkedAt: deps.now() };
      await audit(outcome.result, reason);
      await persist(eventId, outcome.result !== "failed");
      const said = outcome.result === "deactivated" ? "deactivated (iam:UpdateAccessKey Status=Inactive)" : outcome.result === "already-inactive" ? "was already inactive" : `could not be deactivated: ${reason}`;
      await enqueueSecurityNotice(notice, { eventId, kind: "exposed-key-action", noticeId: action.id, text: `Exposed key ${facts.maskedKeyId} ${said}, by ${decision.actor}. Next: rotate the key's users' credentials and review the AWS support case.` }).catch(
        (error: unknown) => deps.logger.warn("exposed-key action notice not queued", { eventId, error: error instanceof Error ? error.message : String(error) }),
      );
      return { ok: true, action };
    },
  };
}
export type ExposedKeyResponder = ReturnType<typeof createExposedKeyResponder>;

/** The guard's view of sign-in: admins per lib/server/auth, audit lines in the store's audit log. */
function createGuardAccess(deps: Pick<ExposedKeyResponderDeps, "config" | "store" | "logger" | "now">): GuardAccess {
  const context = createAuthContext({ config: deps.config, store: deps.store, logger: deps.logger, now: deps.now });
  return {
    async identify(request) {
      const admin = await authorizeHeaders(request.headers, "admin", context);
      if (admin.ok) return { actor: admin.principal.name, isAdmin: true, isSignedIn: true };
      const anyone = await authorizeHeaders(request.headers, "read-status", context);
      const isSignedIn = anyone.ok && anyone.principal.kind !== "anonymous";
      return { actor: anyone.ok ? anyone.principal.name : "anonymous", isAdmin: false, isSignedIn };
    },
    appendAudit: (entry) => deps.store.write((tx) => tx.audit.append(entry)),
  };
}
