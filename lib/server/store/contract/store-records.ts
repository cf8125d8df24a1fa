import type { AccountEvent } from "@/lib/shared/account-health-contract";
import type { HealthStatus } from "@/lib/shared/health-status";
import type { ImpactedServiceRecord, PublicUpdateRecord, CurrentEventRecord } from "@/lib/server/domain/public-status-records";

/** Times are epoch milliseconds. */
export interface SourceStateRow {
  id: string;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  note: string | null;
}

export interface HttpValidators {
  etag?: string;
  lastModified?: string;
}

/** A stored currentevents event, without its updates (those live in public_updates). */
export type StoredCurrentEvent = Omit<CurrentEventRecord, "updates"> & { inFeed: boolean; lastSeenAt: number };

/** An assembled event as stored, with its key already split into service and region. Times in epoch seconds. */
export interface StoredPublicEvent {
  id: string;
  arn: string | null;
  key: string;
  service: string;
  region: string | null;
  status: HealthStatus;
  summary: string;
  resolved: boolean;
  startedAt: number;
  endedAt: number | null;
  lastUpdateAt: number;
  impacted: ImpactedServiceRecord[];
  updates: PublicUpdateRecord[];
}

export interface HistoryFilter {
  fromSeconds: number | null;
  toSeconds: number | null;
  limit: number;
}

export interface AccountEventFilter {
  categories: readonly string[];
  statuses: readonly string[];
  regions: readonly string[];
  services: readonly string[];
  accounts: readonly string[];
  eventTypeCodes: readonly string[];
  /** matches events whose lifetime overlaps [from, to] (epoch ms) */
  from: number | null;
  to: number | null;
  search: string | null;
  limit: number;
}

/** Open and upcoming account events counted per facet (what the metrics label them with), without reading them. */
export interface ActiveEventCount {
  status: "open" | "upcoming";
  category: string;
  service: string;
  region: string | null;
  accountId: string | null;
  /** kept so that security events can be told apart (isSecurityEventCode) */
  eventTypeCode: string;
  count: number;
}

export interface EntityQuery {
  offset: number;
  limit: number;
  search: string | null;
  statuses: readonly string[];
  sort: "entity" | "status" | "account" | "lastUpdated";
  descending: boolean;
}

export interface UpsertEventOutcome {
  id: string;
  created: boolean;
  changed: boolean;
  /** the event as stored before this upsert (null when new) and after it (null when nothing changed) */
  before: AccountEvent | null;
  after: AccountEvent | null;
}

/** What all pages and backup copies of one EventBridge communication share. */
export interface CommunicationKey {
  accountId: string;
  eventArn: string;
  communicationBase: string;
}

export interface PageReceipt {
  page: number;
  totalPages: number;
  isBackup: boolean;
  envelopeId: string;
  deliveryRegion: string | null;
  entityCount: number;
}

export interface CommunicationProgress {
  totalPages: number;
  receivedPages: number;
  isComplete: boolean;
}

export interface PendingCommunication extends CommunicationKey, CommunicationProgress {
  eventId: string;
  firstReceivedAt: number;
}
