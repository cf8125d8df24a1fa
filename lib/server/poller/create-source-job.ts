import type { UpstreamResponse, UpstreamValidators } from "@/lib/server/http/fetch-upstream";
import type { Logger } from "@/lib/server/logging/create-logger";
import type { PollJob } from "@/lib/server/poller/create-poller";
import type { SourceAdapter } from "@/lib/server/sources/source-adapter";
import { FencedWriteError } from "@/lib/server/store/contract/store-contract";
import { UpstreamError } from "@/lib/server/http/upstream-error";
import { PublicStatusParseError } from "@/lib/server/sources/public-status/public-status-parse-error";
import type { HealthdeckStore, StoreTransaction } from "@/lib/server/store/healthdeck-store";

export type FetchDocument = (url: string, validators: UpstreamValidators, signal: AbortSignal) => Promise<UpstreamResponse>;

export interface SourceCycleReport {
  sourceId: string;
  ok: boolean;
  documents: number;
  fetched: number;
  notModified: number;
  failed: number;
  bytes: number;
  durationMs: number;
  /** why the cycle failed, as a bounded word (null when it succeeded): an upstream error kind, "parse", "timeout", "other" */
  failureReason?: string | null;
}

export interface SourceJobOptions<T> {
  adapter: SourceAdapter<T>;
  intervalMs: number;
  timeoutMs: number;
  store: HealthdeckStore;
  fetchDocument: FetchDocument;
  /** Stores the records of the documents that were fetched this cycle (inside one transaction). */
  write(tx: StoreTransaction, records: T[], nowMs: number): Promise<void>;
  now: () => number;
  logger: Logger;
  onCycle?: (report: SourceCycleReport) => void;
}

/** Poll results are leader-only writes: a replica that lost the leader lock must not commit them. */
const FENCED = { fenced: true } as const;

function classifyFailure(error: unknown, signal: AbortSignal): string {
  if (error instanceof UpstreamError) return error.kind;
  if (error instanceof PublicStatusParseError) return "parse";
  return signal.aborted ? "timeout" : "other";
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Wraps an adapter: records the attempt, stores what it fetched with its validators, or records the failure. */
export function createSourceJob<T>(options: SourceJobOptions<T>): PollJob {
  const { adapter, store } = options;
  return {
    id: adapter.id,
    intervalMs: options.intervalMs,
    timeoutMs: options.timeoutMs,
    async run(signal) {
      const startedAt = options.now();
      await store.write((tx) => tx.sources.recordAttempt(adapter.id, startedAt), FENCED);
      const report: SourceCycleReport = {
        sourceId: adapter.id,
        ok: false,
        documents: 0,
        fetched: 0,
        notModified: 0,
        failed: 0,
        bytes: 0,
        durationMs: 0,
      };
      try {
        const documents = await adapter.fetchDocuments({
          signal,
          fetchDocument: (url, validators) => options.fetchDocument(url, validators, signal),
          getValidators: (url) => store.validators.get(url),
        });
        signal.throwIfAborted();
        const finishedAt = options.now();
        const failed = documents.filter((document) => document.outcome === "failed");
        await store.write(async (tx) => {
          const records: T[] = [];
          for (const document of documents) {
            if (document.outcome !== "fetched") continue;
            records.push(document.records);
            report.bytes += document.bytes;
          }
          await options.write(tx, records, finishedAt);
          for (const document of documents) {
            if (document.outcome === "fetched") await tx.validators.set(document.url, document.validators);
          }
          const first = failed[0];
          const note =
            first && first.outcome === "failed"
              ? `${failed.length} of ${documents.length} documents failed; first: ${first.url}: ${first.error}`
              : null;
          await tx.sources.recordSuccess(adapter.id, finishedAt, note);
        }, FENCED);
        report.ok = true;
        report.documents = documents.length;
        report.fetched = documents.filter((document) => document.outcome === "fetched").length;
        report.notModified = documents.filter((document) => document.outcome === "not-modified").length;
        report.failed = failed.length;
        if (failed.length > 0) options.logger.warn("some documents failed", { source: adapter.id, failed: failed.length });
      } catch (error) {
        const message = describeError(signal.aborted && signal.reason instanceof Error ? signal.reason : error);
        if (error instanceof FencedWriteError) throw error;
        report.failureReason = classifyFailure(error, signal);
        await store.write((tx) => tx.sources.recordFailure(adapter.id, options.now(), message), FENCED);
        options.logger.warn("source poll failed", { source: adapter.id, error: message });
      } finally {
        report.durationMs = options.now() - startedAt;
        options.onCycle?.(report);
      }
    },
  };
}
