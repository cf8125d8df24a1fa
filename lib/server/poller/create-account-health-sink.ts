import type { AccountHealthSink } from "@/lib/server/sources/account-health/account-health-sink";
import { ACCOUNT_HEALTH_SOURCE_ID } from "@/lib/server/sources/account-health/account-health-settings";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";

/** Health API results are leader-only writes: a replica that lost the leader lock must not commit them. */
const FENCED = { fenced: true } as const;

/** The store side of the Health API source: each call is one transaction. */
export function createAccountHealthSink(store: HealthdeckStore): AccountHealthSink {
  return {
    getTarget: (targetKey) => store.accountSync.getTarget(targetKey),
    getEventStamps: (targetKey, arns) => store.accountSync.getEventStamps(targetKey, arns),
    getOrgStatus: (accountId) => store.accountSync.getOrgStatus(accountId),
    getCondition: () => store.accountSync.getCondition(),
    async saveEvents(records, nowMs) {
      if (records.length === 0) return;
      await store.write((tx) => tx.accountEvents.upsertEvents(records, nowMs), FENCED);
    },
    async saveEntities(groups, stamps) {
      if (groups.length === 0 && (stamps?.stamps.length ?? 0) === 0) return;
      await store.write(async (tx) => {
        for (const [eventId, entities] of groups) await tx.accountEvents.upsertEntities(eventId, entities);
        if (stamps && stamps.stamps.length > 0) await tx.accountSync.saveEventStamps(stamps.targetKey, stamps.stamps, stamps.nowMs);
      }, FENCED);
    },
    async saveEventStamps(targetKey, stamps, nowMs) {
      if (stamps.length === 0) return;
      await store.write((tx) => tx.accountSync.saveEventStamps(targetKey, stamps, nowMs), FENCED);
    },
    saveTarget: (targetKey, state) => store.write((tx) => tx.accountSync.saveTarget(targetKey, state), FENCED),
    saveOrgStatus: (accountId, status, checkedAt) => store.write((tx) => tx.accountSync.saveOrgStatus(accountId, status, checkedAt), FENCED),
    recordAttempt: (at) => store.write((tx) => tx.sources.recordAttempt(ACCOUNT_HEALTH_SOURCE_ID, at), FENCED),
    recordCycle: (cycle) =>
      store.write(async (tx) => {
        if (cycle.state === "ok") await tx.sources.recordSuccess(ACCOUNT_HEALTH_SOURCE_ID, cycle.finishedAt, cycle.error);
        else if (cycle.state !== "disabled") await tx.sources.recordFailure(ACCOUNT_HEALTH_SOURCE_ID, cycle.finishedAt, cycle.reason);
        await tx.accountSync.setCondition(cycle.condition);
      }, FENCED),
  };
}
