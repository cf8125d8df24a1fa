import { COVERAGE_NOTE, type ActionRecord, type ExposedKeyResponse, type KeyStateView, type LookupView } from "@/lib/shared/exposed-key-contract";
import { ACTION_ROLE_POLICY, READ_ONLY_ROLE_POLICY } from "@/lib/server/exposed-key/exposed-key-policies";
import type { ExposedKeyFacts } from "@/lib/server/exposed-key/read-exposed-key-facts";
import type { KeyState } from "@/lib/server/sources/exposed-key/read-key-state";
import type { KeyTrail } from "@/lib/server/sources/exposed-key/lookup-key-trail";
import { isClaimLive, type LookupClaim } from "@/lib/server/exposed-key/lookup-claim";

export interface LookupRecord {
  id: string;
  status: "running" | "complete" | "failed";
  trigger: "auto" | "manual";
  startedBy: string | null;
  requested: { hours: number; regions: string[] };
  startedAt: number;
  finishedAt: number | null;
  trail: KeyTrail | null;
  error: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const isoOr = (ms: number) => new Date(ms).toISOString();

export function toKeyStateView(state: KeyState): KeyStateView {
  return {
    status: state.status,
    userName: state.userName,
    lastUsed: state.lastUsed ? { at: iso(state.lastUsed.at), service: state.lastUsed.service, region: state.lastUsed.region } : null,
    quarantinePolicies: state.quarantinePolicies,
    quarantineKnown: state.quarantineKnown,
    checkedAt: isoOr(state.checkedAt),
    problems: state.problems,
  };
}

export function toLookupView(record: LookupRecord): LookupView {
  const trail = record.trail;
  return {
    id: record.id,
    status: record.status,
    trigger: record.trigger,
    requested: record.requested,
    startedAt: isoOr(record.startedAt),
    finishedAt: iso(record.finishedAt),
    window: trail ? { start: isoOr(trail.windowStart), end: isoOr(trail.windowEnd), hours: trail.hours } : null,
    regions: trail?.regions ?? [],
    groups: (trail?.groups ?? []).map((group) => ({ ...group, firstAt: isoOr(group.firstAt), lastAt: isoOr(group.lastAt) })),
    totalEvents: trail?.totalEvents ?? 0,
    cappedAt: trail?.cappedAt ?? null,
    error: record.error,
    coverage: COVERAGE_NOTE,
    startedBy: record.startedBy,
    progress: trail ? { pages: trail.regions.reduce((sum, region) => sum + region.pages, 0), events: trail.totalEvents } : null,
  };
}

/** A look-up in flight as any replica shows it; one whose lease passed is shown failed, and may be started again. */
export function claimToLookupView(claim: LookupClaim, now: number): LookupView {
  const isLive = isClaimLive(claim, now);
  return {
    ...toLookupView({ ...claim, status: "running", finishedAt: null, trail: null, error: null }),
    status: isLive ? "running" : "failed",
    error: isLive ? null : "the replica running this look-up stopped answering before it finished; start it again",
    progress: claim.progress,
  };
}

/** The JSON of GET …/exposed-key: never the whole key id. */
export function toExposedKeyView(input: {
  eventId: string;
  facts: ExposedKeyFacts;
  settings: ExposedKeyResponse["settings"];
  keyState: KeyStateView | null;
  lookup: LookupView | null;
  actions: readonly ActionRecord[];
}): ExposedKeyResponse {
  const { maskedKeyId, last4, userName, exposedUrl, accountId, foundAt, keySource, respondBy, supportCaseHint } = input.facts;
  return {
    eventId: input.eventId,
    // Listed field by field: the whole key id (facts.keyId) never leaves the server.
    facts: { maskedKeyId, last4, userName, exposedUrl, accountId, foundAt, keySource, respondBy, supportCaseHint },
    settings: input.settings,
    keyState: input.keyState,
    lookup: input.lookup,
    actions: [...input.actions],
    coverage: COVERAGE_NOTE,
    policies: { readOnlyRole: READ_ONLY_ROLE_POLICY, actionRole: ACTION_ROLE_POLICY },
  };
}
