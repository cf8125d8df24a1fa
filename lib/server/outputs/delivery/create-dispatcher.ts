import { createHash } from "node:crypto";
import type { Logger } from "@/lib/server/logging/create-logger";
import { resolveStorm, type ChannelConfig, type NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";
import type { SmtpSettings } from "@/lib/server/outputs/email/smtp-settings";
import { decideAttemptResult, type RetryPolicy } from "@/lib/server/outputs/delivery/decide-attempt-result";
import { findOutput } from "@/lib/server/outputs/output-registry";
import type { NotificationChange, NotificationDigest, OutputMessage } from "@/lib/server/outputs/notification-change";
import type { PollJob } from "@/lib/server/poller/create-poller";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import type { Delivery } from "@/lib/server/store/contract/outbox-contract";

export interface DispatcherOptions {
  intervalMs?: number;
  requestTimeoutMs?: number;
  maxResponseBytes?: number;
  batchSize?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  random?: () => number;
  fetchImpl?: typeof fetch;
  /** HEALTHDECK_SMTP_*, handed to e-mail channels */
  smtp?: SmtpSettings | null;
  /**
   * How long a claimed delivery stays claimed: a process killed between sending and recording sends it again after
   * this (with the same webhook-id). Default twice the request timeout plus a minute (90 s).
   */
  leaseMs?: number;
}

export interface DispatcherDeps extends DispatcherOptions {
  store: HealthdeckStore;
  config: NotifyConfig;
  now: () => number;
  logger: Logger;
  /** HEALTHDECK_PUBLIC_URL, for the digest's link to /notifications */
  publicUrl?: string | null;
}

/** A digest lists at most this many deliveries; a bigger storm makes several digests. */
const MAX_FOLDED = 1000;


/** Which target was found broken: a new URL in the file is a fresh start. */
export const hashChannelTarget = (channel: ChannelConfig) => createHash("sha256").update(`${channel.type}\n${channel.url ?? channel.topicArn ?? (channel.to ?? []).join(",")}`).digest("hex").slice(0, 16);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * The delivery loop, once for every channel: a leader-only job that claims due deliveries (fenced writes), sends
 * each channel's in order under its rate limit, and records every attempt. A stopping dispatcher finishes the send
 * in flight and gives the rest back, so a restart neither repeats nor loses a message.
 */
export function createDispatcher(deps: DispatcherDeps): PollJob {
  const channels = new Map(deps.config.channels.map((channel) => [channel.id, channel]));
  const lastSentAt = new Map<string, number>();
  const pausedUntil = new Map<string, number>();
  const requestTimeoutMs = deps.requestTimeoutMs ?? 15_000;
  const leaseMs = deps.leaseMs ?? requestTimeoutMs * 2 + 60_000;
  const publicUrl = deps.publicUrl ? deps.publicUrl.replace(/\/+$/, "") : null;
  const policy: RetryPolicy = { baseMs: deps.retryBaseMs ?? 5_000, capMs: deps.retryCapMs ?? 3_600_000, random: deps.random ?? Math.random };
  const fenced = { fenced: true } as const;

  async function deliverOne(delivery: Delivery, broken: Map<string, string>, signal: AbortSignal): Promise<void> {
    const { store, now } = deps;
    const channel = channels.get(delivery.channel);
    const output = channel ? findOutput(channel.type) : undefined;
    const finish = (status: "failed" | "expired", lastError: string) =>
      store.write((tx) => tx.outbox.recordAttempt(delivery.id, { status, at: now(), nextAttemptAt: now(), lastError, lastStatus: null }), fenced);
    if (!channel || !output) return finish("failed", "the channel is no longer in the notifications file");
    // The last attempt's error stays in the message: "expired" alone would not say why.
    if (now() > delivery.deadlineAt) return finish("expired", `not sent before its deadline${delivery.lastError ? `; last error: ${delivery.lastError}` : ""}`);
    const brokenReason = broken.get(channel.id);
    if (brokenReason !== undefined) return finish("failed", `the channel is broken (${brokenReason}); fix its URL in the notifications file`);
    const pause = pausedUntil.get(channel.id) ?? 0;
    const wait = Math.max(pause, (lastSentAt.get(channel.id) ?? 0) + output.minIntervalMs) - now();
    if (pause > now() || signal.aborted) return store.write((tx) => tx.outbox.release(delivery.id, Math.max(pause, now())), fenced);
    if (wait > 0) await sleep(wait);
    if (signal.aborted) return store.write((tx) => tx.outbox.release(delivery.id, now()), fenced);

    lastSentAt.set(channel.id, now());
    const started = performance.now();
    const outcome = await output.send(delivery.message as OutputMessage, {
      channel,
      deliveryKey: delivery.key,
      now: now(),
      timeoutMs: requestTimeoutMs,
      maxResponseBytes: deps.maxResponseBytes ?? 64 * 1024,
      fetchImpl: deps.fetchImpl,
      smtp: deps.smtp ?? null,
    });
    const durationMs = Math.round(performance.now() - started);
    const decision = { ...decideAttemptResult(delivery, outcome, now(), policy), durationMs, responseText: outcome.responseText || null };
    if (decision.pauseChannelUntil !== null) pausedUntil.set(channel.id, decision.pauseChannelUntil);
    await store.write(async (tx) => {
      await tx.outbox.recordAttempt(delivery.id, decision);
      if (decision.isChannelBroken) await tx.outbox.setChannelBroken(channel.id, { targetHash: hashChannelTarget(channel), at: decision.at, reason: outcome.error ?? "gone" });
    }, fenced);
    if (decision.isChannelBroken) {
      broken.set(channel.id, outcome.error ?? "gone");
      deps.logger.warn("notification channel is broken", { channel: channel.id, status: outcome.status });
    } else if (decision.status !== "sent") {
      deps.logger.warn("notification not delivered", { channel: channel.id, status: decision.status, attempts: delivery.attempts + 1, error: outcome.error });
    }
  }

  /** More than N foldable messages waiting within T minutes: a storm has begun on this channel. */
  async function isStorming(channel: ChannelConfig, now: number): Promise<boolean> {
    const storm = resolveStorm(channel);
    return storm !== null && (await deps.store.outbox.countFoldable(channel.id, now, now - storm.minutes * 60_000)) > storm.messages;
  }

  /**
   * Folds a storming channel's waiting messages, and those of `claimed` (this dispatcher's own), into one digest: the
   * digest's row and the folded rows' status change in one transaction, so a crash leaves either all of them queued or
   * one queued digest, never both. Returns the ids folded; none when too few are left to fold.
   */
  async function foldStorm(channel: ChannelConfig, claimed: readonly number[] = []): Promise<Set<number>> {
    const output = findOutput(channel.type);
    const storm = resolveStorm(channel);
    if (!output || !storm || !(await isStorming(channel, deps.now()))) return new Set();
    const folded = await deps.store.write(async (tx) => {
      const now = deps.now();
      const rows = await tx.outbox.selectFoldable(channel.id, now, MAX_FOLDED, claimed);
      if (rows.length <= storm.messages) return [];
      const digest: NotificationDigest = {
        kind: "digest",
        at: new Date(now).toISOString(),
        // Rows queued before the delivery log existed have no change: counted, not listed.
        items: rows.flatMap((row) => (row.change ? [row.change as NotificationChange] : [])),
        total: rows.length,
        windowMinutes: storm.minutes,
        link: publicUrl ? `${publicUrl}/notifications?channel=${encodeURIComponent(channel.id)}&kind=digest` : null,
      };
      const first = rows[0]?.id ?? 0;
      const digestId = await tx.outbox.fold(
        rows.map((row) => row.id),
        {
          key: `${channel.id}:digest:${first}`,
          channel: channel.id,
          kind: "digest",
          eventId: `digest:${first}`,
          journalId: Math.max(...rows.map((row) => row.journalId)),
          createdAt: now,
          deadlineAt: Math.max(now + 60_000, ...rows.map((row) => row.deadlineAt)),
          message: output.renderDigest(digest, { publicUrl }),
          isSecurity: false,
          change: null,
        },
      );
      return digestId === null ? [] : rows.map((row) => row.id);
    }, fenced);
    if (folded.length > 0) deps.logger.info("notification storm: folded into one digest", { channel: channel.id, messages: folded.length });
    return new Set(folded);
  }

  /**
   * Sends a channel's claimed deliveries in order. Before each ordinary message it looks for a storm again, the first
   * one included: another replica may have queued one since this round looked, and then this claim is folded with
   * it. When too few are left to fold, the message goes out, so a channel always makes progress.
   */
  async function sendChannelQueue(queue: readonly Delivery[], broken: Map<string, string>, signal: AbortSignal): Promise<void> {
    for (const [index, delivery] of queue.entries()) {
      const channel = channels.get(delivery.channel);
      if (!delivery.isSecurity && delivery.kind !== "digest" && channel) {
        const rest = queue.slice(index);
        const folded = await foldStorm(channel, rest.map((row) => row.id));
        if (folded.size > 0) {
          const left = rest.filter((row) => !folded.has(row.id));
          if (left.length > 0) {
            await deps.store.write(async (tx) => {
              for (const row of left) await tx.outbox.release(row.id, deps.now());
            }, fenced);
          }
          return;
        }
      }
      await deliverOne(delivery, broken, signal);
    }
  }

  async function readBroken(): Promise<Map<string, string>> {
    const broken = new Map<string, string>();
    for (const row of await deps.store.outbox.listBrokenChannels()) {
      const channel = channels.get(row.channel);
      if (channel && hashChannelTarget(channel) === row.targetHash) broken.set(row.channel, row.reason);
    }
    return broken;
  }

  return {
    id: "notify-dispatch",
    intervalMs: deps.intervalMs ?? 1000,
    timeoutMs: 30 * 60_000,
    async run(signal) {
      const broken = await readBroken();
      while (!signal.aborted) {
        for (const channel of deps.config.channels) await foldStorm(channel);
        const now = deps.now();
        const claimed = await deps.store.write((tx) => tx.outbox.claimDue(now, now + leaseMs, deps.batchSize ?? 50), fenced);
        if (claimed.length === 0) return;
        const byChannel = new Map<string, Delivery[]>();
        for (const delivery of claimed) byChannel.set(delivery.channel, [...(byChannel.get(delivery.channel) ?? []), delivery]);
        await Promise.all([...byChannel.values()].map((queue) => sendChannelQueue(queue, broken, signal)));
      }
    },
  };
}
