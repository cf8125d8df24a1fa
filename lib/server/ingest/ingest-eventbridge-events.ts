import type { z } from "zod";
import type { ingestSummarySchema } from "@/lib/shared/ingest-contract";
import type { NormalizedHealthEvent } from "@/lib/server/sources/eventbridge/normalize-health-event";
import { deriveAccountEventId } from "@/lib/server/domain/derive-record-ids";
import type { CommunicationKey } from "@/lib/server/store/contract/store-records";
import type { HealthdeckStore, StoreTransaction } from "@/lib/server/store/healthdeck-store";

/**
 * stored: this page was new and its content is stored.
 * duplicate: the same page of the same communication was already received (redelivery).
 * backup-merged: the other copy (primary or backup-region) of this page was already received.
 */
export type IngestOutcome = "stored" | "duplicate" | "backup-merged";

export interface IngestEventResult {
  index: number;
  outcome: IngestOutcome;
  /** Healthdeck event id (`/events/<id>`) */
  id: string;
  eventArn: string;
  accountId: string;
  communicationId: string;
  page: number;
  totalPages: number;
  receivedPages: number;
  isComplete: boolean;
  isBackup: boolean;
  /** affected entities carried by this delivery */
  entities: number;
  /** a newer version of the event was already stored: its fields were kept, only newer or missing entities applied */
  isSuperseded: boolean;
}

export interface IngestSummary {
  accepted: number;
  duplicates: number;
  results: IngestEventResult[];
}
type AssertSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
/** The answer's zod contract (lib/shared/ingest-contract.ts, used by the OpenAPI document) says exactly this, plus the parse's rejected and warnings. */
export const INGEST_SUMMARY_SCHEMA_MATCHES: AssertSame<Omit<z.infer<typeof ingestSummarySchema>, "rejected" | "warnings">, IngestSummary> = true;

/**
 * Stores validated `aws.health` deliveries in one transaction: deduplicated per
 * (affected account, event ARN, communication id with page), pages reassembled, backup copies merged.
 * The caller answers 2xx only after this returns, i.e. after the commit.
 */
export async function ingestEventBridgeEvents(
  store: HealthdeckStore,
  events: readonly NormalizedHealthEvent[],
  nowMs: number,
  /** each event's position in the request, when some of it was rejected */
  indexes?: readonly number[],
): Promise<IngestSummary> {
  // Not fenced: every replica takes pushes; the receipt's primary key makes a delivery count once across them.
  // Durable: EventBridge forgets an event once it has its 2xx, so the commit must reach the disk first.
  const results = await store.write(
    async (tx) => {
      const outcomes: IngestEventResult[] = [];
      for (const [position, event] of events.entries()) outcomes.push(await ingestOne(tx, event, indexes?.[position] ?? position, nowMs));
      return outcomes;
    },
    { durable: true },
  );
  const accepted = results.filter((result) => result.outcome === "stored").length;
  return { accepted, duplicates: results.length - accepted, results };
}

async function ingestOne(tx: StoreTransaction, event: NormalizedHealthEvent, index: number, nowMs: number): Promise<IngestEventResult> {
  const { record } = event;
  const id = deriveAccountEventId(record.arn, record.accountId);
  const key: CommunicationKey = { accountId: record.accountId, eventArn: record.arn, communicationBase: event.communicationBase };
  const base = {
    index,
    id,
    eventArn: record.arn,
    accountId: record.accountId,
    communicationId: event.communicationId,
    page: event.page,
    isBackup: event.isBackup,
    entities: event.entities.length,
  };

  // The receipt is keyed by page: `<base>-<page>` equals the communication id AWS sends.
  const isNew = await tx.accountEvents.recordReceipt(record.accountId, record.arn, `${event.communicationBase}-${event.page}`, nowMs);
  if (!isNew) {
    const earlier = await tx.ingestPages.getPage(key, event.page);
    const progress = await tx.ingestPages.getProgress(key);
    return {
      ...base,
      outcome: earlier && earlier.isBackup !== event.isBackup ? "backup-merged" : "duplicate",
      totalPages: progress?.totalPages ?? event.totalPages,
      receivedPages: progress?.receivedPages ?? 0,
      isComplete: progress?.isComplete ?? false,
      isSuperseded: false,
    };
  }

  const storedTime = await tx.ingestPages.readEventUpdatedTime(id);
  const isSuperseded = storedTime !== null && record.lastUpdatedTime !== null && record.lastUpdatedTime < storedTime;
  if (!isSuperseded) await tx.accountEvents.upsertEvent(record, nowMs);
  await tx.accountEvents.upsertEntities(id, await tx.ingestPages.selectFreshEntities(id, event.entities, isSuperseded));
  const progress = await tx.ingestPages.recordPage(
    key,
    id,
    {
      page: event.page,
      totalPages: event.totalPages,
      isBackup: event.isBackup,
      envelopeId: event.envelopeId,
      deliveryRegion: event.deliveryRegion,
      entityCount: event.entities.length,
    },
    nowMs,
  );
  return { ...base, outcome: "stored", ...progress, isSuperseded };
}
