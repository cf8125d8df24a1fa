/** The durable outbox of notifications: one row per (channel, event, kind, journal id), written with the change. */
export const DELIVERY_STATUSES = ["queued", "sent", "failed", "expired"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface NewDelivery {
  /** UNIQUE: a second insert of the same key is ignored (webhook receivers get it as `webhook-id`) */
  key: string;
  channel: string;
  kind: string;
  eventId: string;
  journalId: number;
  /** epoch ms */
  createdAt: number;
  /** after this the delivery is given up as expired */
  deadlineAt: number;
  /** the rendered message, kept for sending and for the log */
  message: unknown;
}

export interface Delivery extends Omit<NewDelivery, "deadlineAt"> {
  id: number;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  deadlineAt: number;
  lastError: string | null;
  /** HTTP status of the last answer, null when none came */
  lastStatus: number | null;
  sentAt: number | null;
}

/** What one attempt ended in. `queued` with nextAttemptAt is a retry. */
export interface AttemptResult {
  status: DeliveryStatus;
  at: number;
  nextAttemptAt: number;
  /** cut to 500 characters */
  lastError: string | null;
  lastStatus: number | null;
}

export interface DeliveryQuery {
  after: number;
  limit: number;
  channel: string | null;
  status: DeliveryStatus | null;
}

export interface BrokenChannel {
  channel: string;
  /** which target (a hash of its URL) was found broken: a new URL in the file is a new chance */
  targetHash: string;
  at: number;
  reason: string;
}

export interface OutboxRepo {
  /** Inserts in the caller's transaction; duplicates of a key are ignored. Returns how many were new. */
  enqueue(deliveries: readonly NewDelivery[]): Promise<number>;
  /**
   * Queued deliveries due at `now`, oldest first, none behind an earlier queued one of the same channel and event
   * (so one event's messages keep their order); each is leased until `leaseUntil` so that nobody else claims it.
   * On PostgreSQL rows locked by another claimer are skipped.
   */
  claimDue(now: number, leaseUntil: number, limit: number): Promise<Delivery[]>;
  /** Records an attempt (attempts + 1) and its result. */
  recordAttempt(id: number, result: AttemptResult): Promise<void>;
  /** Gives a claimed delivery back without counting an attempt (a paused channel, a stopping dispatcher). */
  release(id: number, nextAttemptAt: number): Promise<void>;
  /** In id order, after `after`. */
  list(query: DeliveryQuery): Promise<Delivery[]>;
  countByStatus(): Promise<Record<DeliveryStatus, number>>;
  setChannelBroken(channel: string, broken: Omit<BrokenChannel, "channel"> | null): Promise<void>;
  listBrokenChannels(): Promise<BrokenChannel[]>;
}
