import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Benchmark } from "@/bench/support/benchmark";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { labelRegion } from "@/lib/simulator/region-labels";
import { parseScenario } from "@/lib/simulator/load-scenario";
import type { ScenarioAction } from "@/lib/simulator/scenario-schema";
import { listenSlackReceiver } from "@/tests/support/notify-receivers";
import { startPublicStack } from "@/tests/support/start-public-stack";

const NAME = "notify-storm";
const EVENTS = 500;
const FIRST_MINUTE_GOAL = 10;
const PUBLIC_URL = "https://health.example.com";

/**
 * A big outage: 500 public events open in one poll cycle, one Slack channel (default storm setting) whose receiver
 * takes one message a second (429 with Retry-After: 1 otherwise, as Slack does). The real simulator, poller, outbox
 * and dispatcher; the receiver checks Slack's limits.
 */
export const notifyStormBenchmark: Benchmark = {
  name: NAME,
  summary: `${EVENTS} events opened in one cycle to a Slack receiver limited to 1/s: messages in the first minute, time to the digest, every event accounted for`,
  timeLimitMs: 240_000,
  async run(cleanup) {
    const regions = ["us-east-1", "eu-west-1"];
    const keys = Array.from({ length: EVENTS }, (_, index) => ({ index, region: regions[index % 2] ?? "us-east-1", key: `stormsvc${index}-${regions[index % 2]}` }));
    const actions = keys.map(({ index, region, key }): ScenarioAction => ({ type: "open-event", id: `storm-${index}`, key, region, typeCode: `AWS_STORMSVC${index}_OPERATIONAL_ISSUE`, summary: `Increased Error Rates ${index}`, level: 2, message: `Investigating ${index}.` }));
    const scenario = parseScenario({ name: "notify-storm", description: "500 events at once", steps: [{ label: "storm", actions }] }, "bench");
    const catalog = keys.map(({ index, region, key }) => ({ service: key, service_name: `Storm Service ${index}`, region_id: region, region_name: labelRegion(region) }));

    let lastAccepted = 0;
    const slack = await listenSlackReceiver({
      answers: () => {
        const now = Date.now();
        if (now - lastAccepted < 1000) return { status: 429, headers: { "retry-after": "1" } };
        lastAccepted = now;
        return { status: 200 };
      },
    });
    cleanup.add("slack receiver", () => slack.close());
    const dir = mkdtempSync(path.join(tmpdir(), "notify-storm-"));
    cleanup.add("notify file", () => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "notify.yaml");
    writeFileSync(file, `channels:\n  - id: ops\n    type: slack\n    url: ${slack.url}/services/T/B/x\nrules:\n  - channels: [ops]\n`);
    const stack = await startPublicStack({
      scenario,
      catalog,
      env: { HEALTHDECK_NOTIFY_CONFIG: file, HEALTHDECK_PUBLIC_URL: PUBLIC_URL, HEALTHDECK_HTTP_MAX_BYTES: String(16 * 1024 * 1024) },
      notify: { intervalMs: 200 },
    });
    cleanup.add("stack", () => stack.close());
    await stack.pollAll();

    stack.simulator.step();
    const cycleStarted = Date.now();
    await stack.pollAll();
    const pollMs = Date.now() - cycleStarted;
    const outbox = stack.runtime.store.outbox;
    const queuedAfterPoll = (await outbox.countByStatus()).queued;
    printNote(NAME, `one poll cycle took ${formatMs(pollMs)} and queued ${queuedAfterPoll} messages for the Slack channel`);

    const deadline = cycleStarted + 90_000;
    while (Date.now() < deadline) {
      await stack.runtime.poller.runNow("notify-dispatch");
      if ((await outbox.countByStatus()).queued === 0 && Date.now() - cycleStarted >= 1000) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const rows = await outbox.list({ after: 0, limit: 2000, channel: "ops", status: null });
    const digests = rows.filter((row) => row.kind === "digest");
    const singles = rows.filter((row) => row.kind !== "digest" && row.status === "sent");
    const folded = rows.filter((row) => row.status === "folded");
    const accounted = new Set([...singles, ...folded].map((row) => row.eventId));
    const firstMinute = slack.received.filter((receipt) => receipt.at - cycleStarted <= 60_000).length;
    const digestReceipt = slack.received.find((receipt) => JSON.stringify(receipt.body).includes("Storm:"));
    const listedInPost = digestReceipt ? (JSON.stringify(digestReceipt.body).match(/<https:\/\/health\.example\.com\/events\//g) ?? []).length : 0;

    printFigure(NAME, { messagesFirstMinute: firstMinute, slackRequests: slack.requests, rejectedBySlackLimits: slack.rejected.length }, { text: `≤ ${FIRST_MINUTE_GOAL} messages in the first minute`, met: firstMinute <= FIRST_MINUTE_GOAL });
    printFigure(NAME, { timeToDigest: digestReceipt ? formatMs(digestReceipt.at - cycleStarted) : "never", digests: digests.length, singlesSent: singles.length });
    printFigure(
      NAME,
      { eventsAccounted: accounted.size, folded: folded.length, listedInSlackPost: listedInPost, andMoreLinkedToLog: folded.length - listedInPost, queuedLeft: rows.filter((row) => row.status === "queued").length },
      { text: `every one of ${EVENTS} events in a digest or sent (nothing lost)`, met: accounted.size === EVENTS },
    );
  },
};
