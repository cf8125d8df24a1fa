import type { AuditLogRepo, AuthTokensRepo } from "@/lib/server/store/contract/auth-contract";
import type { JournalReader } from "@/lib/server/store/contract/journal-contract";
import type { OutboxRepo } from "@/lib/server/store/contract/outbox-contract";
import type {
  AccountEventsRepo,
  AccountSyncStateRepo,
  AffectedEntitiesRepo,
  CatalogRepo,
  Coordinator,
  CurrentEventsRepo,
  HttpValidatorsRepo,
  IngestPagesRepo,
  MetaRepo,
  OutboxRouter,
  PublicEventsRepo,
  PublicUpdatesRepo,
  SourceStateRepo,
  StoreEngine,
  StoreRepos,
  TransactionOptions,
} from "@/lib/server/store/contract/store-contract";
import { createJournalingTransaction } from "@/lib/server/store/journal/create-journaling-transaction";
import type { SplitServiceKey } from "@/lib/server/store/journal/derive-public-changes";

export type ChangeListener = (version: number) => void;
export type { StoreRepos as StoreTransaction, TransactionOptions };

/** What readers (pages, the API, the hub) may do: read committed data. Writes go through `write`. */
export interface StoreReaders {
  sources: Pick<SourceStateRepo, "get">;
  validators: Pick<HttpValidatorsRepo, "get">;
  catalog: Pick<CatalogRepo, "list">;
  updates: Pick<PublicUpdatesRepo, "listForKey">;
  currentEvents: Pick<CurrentEventsRepo, "listForKey">;
  events: Pick<PublicEventsRepo, "listForKey" | "listOpen" | "listOpenKeys" | "listRecentlyResolved" | "listHistory">;
  accountEvents: Pick<AccountEventsRepo & AffectedEntitiesRepo, "getById" | "listUpdates" | "listEvents" | "countActiveEvents" | "listScheduledChangeStarts" | "getEntitiesVersion" | "listEntities" | "listEntityColumns">;
  accountSync: Pick<AccountSyncStateRepo, "getTarget" | "getEventStamp" | "getEventStamps" | "getOrgStatus" | "getCondition">;
  ingestPages: Pick<IngestPagesRepo, "getPage" | "getProgress" | "readEventUpdatedTime" | "listPendingCommunications" | "readIngestSummary">;
  meta: Pick<MetaRepo, "get">;
  journal: JournalReader;
  outbox: Pick<OutboxRepo, "list" | "countByStatus" | "listBrokenChannels" | "get" | "listAttempts" | "listChannelActivity" | "countFoldable">;
  authTokens: Pick<AuthTokensRepo, "findBySecretHash" | "getById" | "list">;
  audit: Pick<AuditLogRepo, "list">;
}

export interface HealthdeckStore extends StoreReaders {
  readonly engine: StoreEngine["kind"];
  readonly coordinator: Coordinator;
  /** Rises on every commit this process sees (its own, and other replicas' on PostgreSQL): a cache key. */
  readonly version: number;
  /** One transaction; every user-visible change it makes is journaled in it. Listeners hear of it after the commit. */
  write<T>(work: (tx: StoreRepos) => Promise<T>, options?: TransactionOptions): Promise<T>;
  onChange(listener: ChangeListener): () => void;
  /** How journal entries name a service key's service and region (the catalogue knows; the store does not). */
  setKeySplitter(split: SplitServiceKey): void;
  /** Which notifications a transaction's changes call for; null (the default) sends none. */
  setOutboxRouter(router: OutboxRouter | null): void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

function splitWithoutCatalog(key: string): { service: string; region: string | null } {
  return { service: key, region: null };
}

/** The one store of a deployment, over either engine. */
export function createHealthdeckStore(engine: StoreEngine, options: { now?: () => number } = {}): HealthdeckStore {
  const now = options.now ?? Date.now;
  const listeners = new Set<ChangeListener>();
  let version = 0;
  let splitKey: SplitServiceKey = splitWithoutCatalog;
  let routeToOutbox: OutboxRouter | null = null;
  const stopHearing = engine.onCommit(() => {
    version += 1;
    for (const listener of listeners) listener(version);
  });
  const { repos } = engine;

  return {
    engine: engine.kind,
    coordinator: engine.coordinator,
    sources: repos.sources,
    validators: repos.validators,
    catalog: repos.catalog,
    updates: repos.updates,
    currentEvents: repos.currentEvents,
    events: repos.events,
    accountEvents: repos.accountEvents,
    accountSync: repos.accountSync,
    ingestPages: repos.ingestPages,
    meta: repos.meta,
    journal: repos.journal,
    outbox: repos.outbox,
    authTokens: repos.authTokens,
    audit: repos.audit,
    get version() {
      return version;
    },
    write(work, transactionOptions) {
      return engine.transaction(async (raw) => {
        const journaling = createJournalingTransaction(raw, { now, splitKey, routeToOutbox });
        const result = await work(journaling.tx);
        await journaling.finish();
        return result;
      }, transactionOptions);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setKeySplitter(split) {
      splitKey = split;
    },
    setOutboxRouter(router) {
      routeToOutbox = router;
    },
    ping: () => engine.ping(),
    async close() {
      stopHearing();
      listeners.clear();
      await engine.close();
    },
  };
}
