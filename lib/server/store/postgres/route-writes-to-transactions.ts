import type { StoreRepos } from "@/lib/server/store/contract/store-contract";

type RunTransaction = <T>(work: (tx: StoreRepos) => Promise<T>) => Promise<T>;

/**
 * The engine's `repos`: reads go straight to the pool (autocommit, committed data only); each write runs in a
 * transaction of its own, so a many-statement write (applyFeed, upsertEntities, journal append under its lock)
 * is atomic and announced like any other commit.
 */
export function routeWritesToTransactions(reads: StoreRepos, transaction: RunTransaction): StoreRepos {
  return {
    ...reads,
    sources: {
      ...reads.sources,
      recordAttempt: (...args) => transaction((tx) => tx.sources.recordAttempt(...args)),
      recordSuccess: (...args) => transaction((tx) => tx.sources.recordSuccess(...args)),
      recordFailure: (...args) => transaction((tx) => tx.sources.recordFailure(...args)),
    },
    validators: { ...reads.validators, set: (...args) => transaction((tx) => tx.validators.set(...args)) },
    catalog: { ...reads.catalog, replace: (...args) => transaction((tx) => tx.catalog.replace(...args)) },
    updates: { ...reads.updates, upsert: (...args) => transaction((tx) => tx.updates.upsert(...args)) },
    currentEvents: { ...reads.currentEvents, applyFeed: (...args) => transaction((tx) => tx.currentEvents.applyFeed(...args)) },
    events: { ...reads.events, replaceForKey: (...args) => transaction((tx) => tx.events.replaceForKey(...args)) },
    accountEvents: {
      ...reads.accountEvents,
      upsertEvent: (...args) => transaction((tx) => tx.accountEvents.upsertEvent(...args)),
      recordReceipt: (...args) => transaction((tx) => tx.accountEvents.recordReceipt(...args)),
      upsertEntities: (...args) => transaction((tx) => tx.accountEvents.upsertEntities(...args)),
      setEntityCounts: (...args) => transaction((tx) => tx.accountEvents.setEntityCounts(...args)),
    },
    accountSync: {
      ...reads.accountSync,
      saveTarget: (...args) => transaction((tx) => tx.accountSync.saveTarget(...args)),
      saveEventStamp: (...args) => transaction((tx) => tx.accountSync.saveEventStamp(...args)),
      saveOrgStatus: (...args) => transaction((tx) => tx.accountSync.saveOrgStatus(...args)),
      setCondition: (...args) => transaction((tx) => tx.accountSync.setCondition(...args)),
    },
    ingestPages: { ...reads.ingestPages, recordPage: (...args) => transaction((tx) => tx.ingestPages.recordPage(...args)) },
    meta: { ...reads.meta, set: (...args) => transaction((tx) => tx.meta.set(...args)), compareAndSet: (...args) => transaction((tx) => tx.meta.compareAndSet(...args)) },
    journal: {
      ...reads.journal,
      append: (...args) => transaction((tx) => tx.journal.append(...args)),
      prune: (...args) => transaction((tx) => tx.journal.prune(...args)),
    },
    outbox: {
      ...reads.outbox,
      enqueue: (...args) => transaction((tx) => tx.outbox.enqueue(...args)),
      claimDue: (...args) => transaction((tx) => tx.outbox.claimDue(...args)),
      recordAttempt: (...args) => transaction((tx) => tx.outbox.recordAttempt(...args)),
      release: (...args) => transaction((tx) => tx.outbox.release(...args)),
      setChannelBroken: (...args) => transaction((tx) => tx.outbox.setChannelBroken(...args)),
    },
  };
}
