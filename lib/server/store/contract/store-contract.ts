import type { AuditLogRepo, AuthTokensRepo } from "@/lib/server/store/contract/auth-contract";
import type { AccountEvent, AffectedEntity, EntityCounts } from "@/lib/shared/account-health-contract";
import type { EntityColumns } from "@/lib/shared/entity-columns-contract";
import type { AccountEventRecord, AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import type { AccountSourceCondition, EventSyncStamp, TargetSyncState } from "@/lib/server/domain/account-sync-state";
import type { AssembledEvent, CatalogEntry, CurrentEventRecord, PublicUpdateRecord } from "@/lib/server/domain/public-status-records";
import type { JournalEntry, JournalReader, JournalWriter } from "@/lib/server/store/contract/journal-contract";
import type { NewDelivery, OutboxRepo } from "@/lib/server/store/contract/outbox-contract";
import type {
  AccountEventFilter,
  ActiveEventCount,
  CommunicationKey,
  CommunicationProgress,
  EntityQuery,
  HistoryFilter,
  HttpValidators,
  PageReceipt,
  PendingCommunication,
  SourceStateRow,
  StoredCurrentEvent,
  StoredPublicEvent,
  UpsertEventOutcome,
} from "@/lib/server/store/contract/store-records";

/**
 * The store contract: one set of asynchronous repositories by concern, implemented by each engine
 * (SQLite, PostgreSQL). Times are epoch ms unless a name says seconds. Every method behaves the same on
 * both engines; `store-contract.test.ts` runs one suite against both.
 */
export interface SourceStateRepo {
  get(id: string): Promise<SourceStateRow | null>;
  recordAttempt(id: string, at: number): Promise<void>;
  recordSuccess(id: string, at: number, note: string | null): Promise<void>;
  /** `error` is cut to 500 characters. */
  recordFailure(id: string, at: number, error: string): Promise<void>;
}

export interface HttpValidatorsRepo {
  get(url: string): Promise<HttpValidators>;
  /** Empty validators delete the row. */
  set(url: string, validators: HttpValidators): Promise<void>;
}

export interface CatalogRepo {
  /** Ordered by key. */
  list(): Promise<CatalogEntry[]>;
  replace(entries: readonly CatalogEntry[]): Promise<void>;
}

export interface PublicUpdatesRepo {
  /** Merges (see mergeUpdate) into the row of `key`+`at`; true when created or changed. */
  upsert(record: PublicUpdateRecord, nowSeconds: number): Promise<boolean>;
  /** Ordered by `at`. */
  listForKey(key: string): Promise<PublicUpdateRecord[]>;
}

export interface CurrentEventsRepo {
  /** Ordered by startedAt. */
  listForKey(key: string): Promise<StoredCurrentEvent[]>;
  /**
   * Upserts what the feed lists now; an event that left the feed is closed (in_feed 0, resolved,
   * operational, ended_at kept or set to now). Returns the keys whose stored events changed.
   */
  applyFeed(events: readonly CurrentEventRecord[], nowSeconds: number): Promise<Set<string>>;
}

export interface PublicEventsRepo {
  /** Ordered by startedAt, then id. */
  listForKey(key: string): Promise<StoredPublicEvent[]>;
  /** Makes the stored events of one key exactly `events` (an event absorbed into another disappears). */
  replaceForKey(key: string, split: { service: string; region: string | null }, events: readonly AssembledEvent[]): Promise<void>;
  /** Unresolved, newest lastUpdateAt first. */
  listOpen(): Promise<StoredPublicEvent[]>;
  listOpenKeys(): Promise<string[]>;
  /** Resolved with lastUpdateAt >= since, newest first, at most 50. */
  listRecentlyResolved(sinceSeconds: number): Promise<StoredPublicEvent[]>;
  /** Events overlapping the window, newest startedAt first. */
  listHistory(filter: HistoryFilter): Promise<StoredPublicEvent[]>;
}

export interface AccountEventsRepo {
  /** Merges one record into the stored event; a status or description change adds an update to its history. */
  upsertEvent(record: AccountEventRecord, nowMs: number): Promise<UpsertEventOutcome>;
  /** The same as upsertEvent for each record in order (a poll stores a page of details at once); one outcome each. */
  upsertEvents(records: readonly AccountEventRecord[], nowMs: number): Promise<UpsertEventOutcome[]>;
  getById(id: string): Promise<AccountEvent | null>;
  /** Newest first. */
  listUpdates(id: string): Promise<{ at: string; status: string; description: string }[]>;
  /** Newest (lastUpdatedTime, startTime, firstSeenAt) first. */
  listEvents(filter: AccountEventFilter): Promise<AccountEvent[]>;
  /** Events with status open or upcoming, counted per status, category, service, region, account and type code. */
  countActiveEvents(): Promise<ActiveEventCount[]>;
  /** Start times (epoch ms) of scheduled changes still upcoming, ascending; those without a start left out. */
  listScheduledChangeStarts(): Promise<number[]>;
  /** True the first time (account, event ARN, communication id) is seen, also under concurrent writers. */
  recordReceipt(accountId: string, eventArn: string, communicationId: string, nowMs: number): Promise<boolean>;
}

export interface AffectedEntitiesRepo {
  /** Upserts entities, refreshes the event's counts and bumps its entities version; returns rows created or changed. */
  upsertEntities(eventId: string, entities: readonly AffectedEntityRecord[]): Promise<number>;
  /** Counts from an aggregate call, for events whose entities are not stored one by one. */
  setEntityCounts(eventId: string, counts: EntityCounts): Promise<void>;
  /** Rises whenever the event's stored resources change; null when there is no such event. */
  getEntitiesVersion(eventId: string): Promise<number | null>;
  listEntities(eventId: string, query: EntityQuery): Promise<{ total: number; entities: AffectedEntity[] }>;
  /** The same page as listEntities, as dictionary-encoded columns (`format=lean`). */
  listEntityColumns(eventId: string, query: EntityQuery): Promise<{ total: number; columns: EntityColumns }>;
}

export interface AccountSyncStateRepo {
  getTarget(targetKey: string): Promise<TargetSyncState>;
  saveTarget(targetKey: string, state: TargetSyncState): Promise<void>;
  getEventStamp(targetKey: string, arn: string): Promise<EventSyncStamp | null>;
  /** Stamps of many events at once, by ARN (ARNs without a stamp are absent). */
  getEventStamps(targetKey: string, arns: readonly string[]): Promise<Map<string, EventSyncStamp>>;
  saveEventStamp(targetKey: string, arn: string, stamp: EventSyncStamp, syncedAt: number): Promise<void>;
  saveEventStamps(targetKey: string, stamps: readonly { arn: string; stamp: EventSyncStamp }[], syncedAt: number): Promise<void>;
  getOrgStatus(accountId: string): Promise<{ status: string; checkedAt: number } | null>;
  saveOrgStatus(accountId: string, status: string, checkedAt: number): Promise<void>;
  getCondition(): Promise<AccountSourceCondition | null>;
  setCondition(condition: AccountSourceCondition | null): Promise<void>;
}

export interface IngestPagesRepo {
  getPage(key: CommunicationKey, page: number): Promise<{ isBackup: boolean; envelopeId: string; receivedAt: number } | null>;
  getProgress(key: CommunicationKey): Promise<CommunicationProgress | null>;
  /** Records a page (idempotent) and marks the communication complete once every page is in. */
  recordPage(key: CommunicationKey, eventId: string, receipt: PageReceipt, nowMs: number): Promise<CommunicationProgress>;
  /** The stored event's lastUpdatedTime, null when unknown or not stored. */
  readEventUpdatedTime(eventId: string): Promise<number | null>;
  /** Drops entities whose stored copy is newer; without times on both sides a superseded delivery only adds missing ones. */
  selectFreshEntities(eventId: string, entities: readonly AffectedEntityRecord[], isSuperseded: boolean): Promise<AffectedEntityRecord[]>;
  /** Oldest first. */
  listPendingCommunications(limit: number): Promise<PendingCommunication[]>;
  readIngestSummary(): Promise<{ lastReceivedAt: number | null; pendingCommunications: number }>;
}

export interface MetaRepo {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  /**
   * Writes `next` (null: removes the entry) only if the stored value is still `expected` (null: absent); false
   * when another writer changed it first. Atomic across replicas: claims and leases are built on it.
   */
  compareAndSet(name: string, expected: string | null, next: string | null): Promise<boolean>;
}

/** Everything a transaction can read and write. */
export interface StoreRepos {
  sources: SourceStateRepo;
  validators: HttpValidatorsRepo;
  catalog: CatalogRepo;
  updates: PublicUpdatesRepo;
  currentEvents: CurrentEventsRepo;
  events: PublicEventsRepo;
  accountEvents: AccountEventsRepo & AffectedEntitiesRepo;
  accountSync: AccountSyncStateRepo;
  ingestPages: IngestPagesRepo;
  meta: MetaRepo;
  journal: JournalReader & JournalWriter;
  outbox: OutboxRepo;
  authTokens: AuthTokensRepo;
  audit: AuditLogRepo;
}

/**
 * Turns one transaction's journal entries (ids assigned) into outbox rows, inside that transaction: a change and its
 * notifications commit together or not at all. Set by the runtime from the notifications file.
 */
export type OutboxRouter = (entries: readonly JournalEntry[], tx: StoreRepos) => Promise<NewDelivery[]>;

export type ReplicaRole = "single" | "leader" | "follower";

/** Who runs the pollers: one process on SQLite ("single"), the holder of the leader lock on PostgreSQL. */
export interface Coordinator {
  readonly role: ReplicaRole;
  /** Called on every change of role; returns an unsubscribe. */
  onRoleChange(listener: (role: ReplicaRole) => void): () => void;
}

export interface TransactionOptions {
  /**
   * Leader-only work (polling): the engine refuses to commit when this process is no longer the leader,
   * so a replica that lost the lock never writes over its successor.
   */
  fenced?: boolean;
  /**
   * The commit must survive a power cut before the promise resolves (ingest answers 2xx only then): SQLite syncs the
   * WAL for it (`synchronous=FULL`); a PostgreSQL commit is durable already (synchronous_commit is forced on for it).
   */
  durable?: boolean;
}

export class FencedWriteError extends Error {
  constructor(message = "this replica is no longer the leader; the write was rolled back") {
    super(message);
    this.name = "FencedWriteError";
  }
}

/** What an engine provides; only `lib/server/store/` sees it. */
export interface StoreEngine {
  readonly kind: "sqlite" | "postgres";
  /** For reading: reads outside any transaction see committed data only. Every write goes through `transaction`. */
  readonly repos: StoreRepos;
  /** Runs `work` in one transaction; rolls back when it throws. Commits become visible in journal-id order. */
  transaction<T>(work: (tx: StoreRepos) => Promise<T>, options?: TransactionOptions): Promise<T>;
  readonly coordinator: Coordinator;
  /** Commits of this and (on PostgreSQL) other replicas: the latest journal id known. */
  onCommit(listener: (latestJournalId: number) => void): () => void;
  /** Cheap round trip, for the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
