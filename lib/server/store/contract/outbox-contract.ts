/**
 * The durable outbox of notifications: one row per (channel, event, kind, journal id), written with the change.
 * `folded`: not sent as itself, because a storm folded it into a digest (`foldedInto` names that digest's delivery).
 */
export const DELIVERY_STATUSES = ["queued", "sent", "failed", "expired", "folded"] as const;
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
  /** security events go first and are never folded into a digest; default false */
  isSecurity?: boolean;
  /** the change as channels render it (a NotificationChange), kept so that a storm's digest can list it; default null */
  change?: unknown;
}

export interface Delivery extends Omit<NewDelivery, "deadlineAt" | "isSecurity" | "change"> {
  id: number;
  isSecurity: boolean;
  change: unknown;
  /** the digest delivery that carried this one (status `folded`), null otherwise */
  foldedInto: number | null;
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
  /** how long the attempt took, null when no request was made */
  durationMs?: number | null;
  /** the start of the answer's body (cut to 1,000 characters) */
  responseText?: string | null;
}

/** One attempt of one delivery, as the log shows it. */
export interface DeliveryAttempt {
  deliveryId: number;
  at: number;
  /** the delivery's status after this attempt (`queued` = a retry is scheduled) */
  outcome: DeliveryStatus;
  /** the HTTP (or SMTP) status of the answer, null when none came */
  responseStatus: number | null;
  error: string | null;
  durationMs: number | null;
  responseText: string | null;
}

/** A channel's recent record, from its attempts. */
export interface ChannelActivity {
  channel: string;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  lastError: string | null;
}

export interface DeliveryQuery {
  after: number;
  limit: number;
  channel: string | null;
  status: DeliveryStatus | null;
  /** opened, updated, resolved, reminder, digest; absent or null = all */
  kind?: string | null;
  /** the deliveries a digest carried; absent or null = all */
  foldedInto?: number | null;
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
  get(id: number): Promise<Delivery | null>;
  /** A delivery's attempts, oldest first (bounded by `limit`). */
  listAttempts(deliveryId: number, limit: number): Promise<DeliveryAttempt[]>;
  /** Per channel that has attempts: the last success and the last error. */
  listChannelActivity(): Promise<ChannelActivity[]>;
  /**
   * How many of a channel's deliveries a storm counts as waiting: queued (due, leased by a claimer or backing off),
   * created between `since` and `now`, not security, not a digest.
   */
  countFoldable(channel: string, now: number, since: number): Promise<number>;
  /**
   * The channel's due foldable deliveries, oldest first, locked for the caller's transaction (on PostgreSQL a second
   * folder waits for the first and then finds what it left: two folders never split one storm into small parts, which
   * would each be too small to fold and go out one by one). Fold them in the same transaction. `claimed` adds the
   * caller's own claimed deliveries, which their lease keeps from being due.
   */
  selectFoldable(channel: string, now: number, limit: number, claimed?: readonly number[]): Promise<Delivery[]>;
  /**
   * Inserts the digest and marks each of `ids` `folded` into it, all in the caller's transaction; throws (rolling the
   * transaction back) when one of them is no longer queued. Returns the digest's id, or null when its key exists.
   */
  fold(ids: readonly number[], digest: NewDelivery): Promise<number | null>;
  /**
   * Retention of the delivery log: deletes deliveries created before `beforeMs` that are finished (sent, failed,
   * expired, folded) and their attempts; queued ones stay whatever their age. Returns how many deliveries went.
   */
  prune(beforeMs: number): Promise<number>;
  setChannelBroken(channel: string, broken: Omit<BrokenChannel, "channel"> | null): Promise<void>;
  listBrokenChannels(): Promise<BrokenChannel[]>;
}
