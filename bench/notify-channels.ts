import type { Benchmark } from "@/bench/support/benchmark";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { emailOutput } from "@/lib/server/outputs/email/email-output";
import { closeSmtpTransports, SMTP_POOL } from "@/lib/server/outputs/email/smtp-transport";
import type { ChannelConfig } from "@/lib/server/outputs/config/notify-config-schema";
import type { NotificationChange } from "@/lib/server/outputs/notification-change";
import { buildSampleChange } from "@/lib/server/outputs/sample-change";
import { snsOutput } from "@/lib/server/outputs/sns/sns-output";
import { teamsOutput } from "@/lib/server/outputs/teams/teams-output";
import { listenSmtpReceiver } from "@/tests/support/smtp-receiver";

const NAME = "notify-channels";
const RENDERS = 300;
const MAILS = 40;
const RENDER_GOAL_MS = 5;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** A big outage's change: 4,800 resources, 300 accounts, a 50,000-character update in several scripts. */
const huge = (): NotificationChange =>
  buildSampleChange({
    title: "Amazon EC2 (N. Virginia): Increased API Error Rates ".repeat(20),
    accounts: Array.from({ length: 300 }, (_, index) => `${100000000000 + index} (team ${index})`),
    resources: { sample: Array.from({ length: 10 }, (_, index) => `arn:aws:ec2:us-east-1:123456789012:instance/i-${"0".repeat(40)}${index}`), total: 4_800 },
    latestUpdate: "We continue to work on recovery; 日本語の更新 ".repeat(1_200),
    link: "https://health.example.com/events/x",
  });

/** Rendering runs inside the write transaction that records the change, once per channel: it must stay cheap. */
function measureRenders(): void {
  const outputs = [teamsOutput, emailOutput, snsOutput];
  for (const [label, change] of [["typical", buildSampleChange({ link: "https://health.example.com/events/x" })], ["huge", huge()]] as const) {
    for (const output of outputs) {
      const times: number[] = [];
      for (let index = 0; index < RENDERS; index += 1) {
        const started = performance.now();
        output.render(change, { publicUrl: null });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      // p99 swings with the shared machine's load (GC pauses); the goal is on the median.
      const p50 = percentile(times, 50);
      printFigure(`${NAME}: render.${output.type}.${label}`, { p50: formatMs(p50), p99: formatMs(percentile(times, 99)), bytes: Buffer.byteLength(JSON.stringify(output.render(change, { publicUrl: null }).body)) }, { text: `p50 ≤ ${RENDER_GOAL_MS} ms`, met: p50 <= RENDER_GOAL_MS });
    }
  }
  const items = Array.from({ length: 500 }, (_, index) => buildSampleChange({ eventId: `e-${index}`, title: `Event ${index}: Increased API Error Rates`, link: `https://health.example.com/events/${index}` }));
  for (const output of outputs) {
    const started = performance.now();
    output.renderDigest({ kind: "digest", at: new Date().toISOString(), items, total: 500, windowMinutes: 5, link: null }, { publicUrl: null });
    printFigure(`${NAME}: digest500.${output.type}`, { ms: formatMs(performance.now() - started) });
  }
}

/** One channel's queue goes out one message after another (as the dispatcher sends it) through the pooled transport. */
async function measureSmtp(cleanup: CleanupStack): Promise<void> {
  const receiver = await listenSmtpReceiver();
  cleanup.add("smtp receiver", () => receiver.close());
  cleanup.add("smtp pool", () => closeSmtpTransports());
  const channel = { id: "mail", type: "email", to: ["ops@example.com"], security: false } as ChannelConfig;
  const smtp = { url: receiver.url, user: null, password: null, from: "alerts@example.com" };
  const message = emailOutput.render(buildSampleChange(), { publicUrl: null });
  const times: number[] = [];
  const started = performance.now();
  for (let index = 0; index < MAILS; index += 1) {
    const sent = performance.now();
    const outcome = await emailOutput.send(message, { channel, deliveryKey: `mail:e-${index}:opened`, now: Date.now(), timeoutMs: 15_000, maxResponseBytes: 65_536, smtp });
    if (!outcome.ok) throw new Error(`SMTP send failed: ${outcome.error}`);
    times.push(performance.now() - sent);
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  if (receiver.received.length !== MAILS) throw new Error(`${receiver.received.length} of ${MAILS} mails arrived`);
  printNote(NAME, `the pool is paced to ${SMTP_POOL.rateLimit} messages per ${SMTP_POOL.rateDelta} ms over at most ${SMTP_POOL.maxConnections} connections`);
  printFigure(`${NAME}: smtp`, { messages: MAILS, perSecond: (MAILS / seconds).toFixed(1), p50: formatMs(percentile(times, 50)), p99: formatMs(percentile(times, 99)) });
}

export const notifyChannelsBenchmark: Benchmark = {
  name: NAME,
  summary: "render cost of the Teams, e-mail and SNS messages (typical and huge change, 500-item digest) and sequential SMTP sends through the pool to a local smtp-server",
  timeLimitMs: 120_000,
  async run(cleanup) {
    measureRenders();
    await measureSmtp(cleanup);
  },
};
