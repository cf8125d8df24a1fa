import type { Benchmark } from "@/bench/support/benchmark";
import { printFigure, printNote } from "@/bench/support/format-figures";
import type { AccountEventRecord, AffectedEntityRecord } from "@/lib/server/domain/account-health-records";
import { silentLogger } from "@/lib/server/logging/create-logger";
import { notifyConfigSchema } from "@/lib/server/outputs/config/notify-config-schema";
import { createDispatcher } from "@/lib/server/outputs/delivery/create-dispatcher";
import { createOutboxRouter } from "@/lib/server/outputs/delivery/create-outbox-router";
import { loadBundledCatalog } from "@/lib/server/sources/catalog/create-catalog";
import { openHealthdeckStore } from "@/lib/server/store/open-healthdeck-store";
import { listenSlackReceiver, listenWebhookReceiver } from "@/tests/support/notify-receivers";

const NAME = "notify-vs-aha";
const SECRET = `whsec_${Buffer.alloc(32, 12).toString("base64")}`;
const STEP_MS = 10 * 60_000;

/** One poll's view of the incident: what the Health API says, and resources that arrived with it. */
interface Observation {
  record: AccountEventRecord;
  entities: AffectedEntityRecord[];
  /** what this update changed, for the printed history */
  what: "opened" | "description" | "resources" | "lastUpdatedTime only" | "closed";
}

/**
 * An EC2 issue with 20 updates after it opens, as AWS publishes them: every update bumps lastUpdatedTime; 6 bring a
 * new description, 1 adds affected resources, 12 change nothing else (AWS re-stamps events), the last one closes it.
 */
function buildHistory(openedAt: number): Observation[] {
  const base: AccountEventRecord = {
    arn: "arn:aws:health:eu-west-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_BENCH",
    accountId: "123456789012",
    service: "EC2",
    eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE",
    category: "issue",
    region: "eu-west-1",
    availabilityZone: null,
    status: "open",
    scope: "ACCOUNT_SPECIFIC",
    startTime: openedAt,
    endTime: null,
    lastUpdatedTime: openedAt,
    description: "We are investigating increased API error rates.",
    metadata: null,
    actionability: null,
    personas: null,
    origin: "api",
  };
  const history: Observation[] = [{ record: base, entities: [], what: "opened" }];
  let current = base;
  for (let update = 1; update <= 20; update += 1) {
    const lastUpdatedTime = openedAt + update * STEP_MS;
    let what: Observation["what"] = "lastUpdatedTime only";
    let entities: AffectedEntityRecord[] = [];
    if (update === 20) {
      what = "closed";
      current = { ...current, status: "closed", endTime: lastUpdatedTime, description: "The issue has been resolved." };
    } else if (update % 3 === 2) {
      what = "description";
      current = { ...current, description: `Update ${update}: we continue to work towards recovery.` };
    } else if (update === 9) {
      what = "resources";
      entities = [1, 2, 3].map((n) => ({ eventArn: base.arn, accountId: base.accountId, entityArn: null, entityValue: `i-0000${n}`, entityUrl: null, status: "IMPAIRED", lastUpdatedTime, metadata: {} }));
    }
    current = { ...current, lastUpdatedTime };
    history.push({ record: current, entities, what });
  }
  return history;
}

/**
 * AHA's rule (aws-health-aware handler.py, see next-wave.md A1): a new ARN is sent; a known one only when
 * lastUpdatedTime changed and the status, latest description or affected accounts changed; an open event is sent as
 * "[NEW]", a closed one as "[RESOLVED]". Affected resources are not compared. One deployment counted.
 */
function replayAha(history: readonly Observation[]): string[] {
  const sent: string[] = [];
  let stored: AccountEventRecord | null = null;
  for (const { record } of history) {
    const label = record.status === "closed" ? "[RESOLVED]" : "[NEW]";
    if (stored === null) sent.push(label);
    else if (record.lastUpdatedTime !== stored.lastUpdatedTime && (record.status !== stored.status || record.description !== stored.description || record.accountId !== stored.accountId)) sent.push(label);
    else continue;
    stored = record;
  }
  return sent;
}

export const notifyVsAhaBenchmark: Benchmark = {
  name: NAME,
  summary: "one incident with 20 updates: messages Healthdeck sends (through its router, outbox and dispatcher, to real receivers) vs AHA's rule",
  timeLimitMs: 2 * 60_000,
  async run(cleanup) {
    const hook = await listenWebhookReceiver(SECRET);
    cleanup.add("webhook receiver", () => hook.close());
    const slack = await listenSlackReceiver();
    cleanup.add("slack receiver", () => slack.close());
    const store = openHealthdeckStore(":memory:");
    cleanup.add("store", () => store.close());
    const config = notifyConfigSchema.parse({
      channels: [
        { id: "hook", type: "webhook", url: `${hook.url}/in`, secret: SECRET },
        { id: "ops", type: "slack", url: `${slack.url}/services/T/B/x` },
      ],
      rules: [{ channels: ["hook", "ops"] }],
    });
    const catalog = loadBundledCatalog();
    store.setOutboxRouter(createOutboxRouter({ config, now: Date.now, freshMs: 3_600_000, deadlineMs: 3_600_000, getCatalog: () => catalog, publicUrl: null }));
    const dispatcher = createDispatcher({ store, config, now: Date.now, logger: silentLogger, requestTimeoutMs: 5_000 });

    const history = buildHistory(Date.now() - 30 * 60_000);
    for (const observation of history) {
      // As a poll stores them: the event, then its resources in their own transaction.
      const { id } = await store.write((tx) => tx.accountEvents.upsertEvent(observation.record, Date.now()));
      if (observation.entities.length > 0) await store.write((tx) => tx.accountEvents.upsertEntities(id, observation.entities));
    }
    await dispatcher.run(new AbortController().signal);
    if (hook.rejected.length + slack.rejected.length > 0) throw new Error(`receivers refused messages: ${[...hook.rejected, ...slack.rejected][0]}`);

    const material = history.filter((observation) => observation.what === "description" || observation.what === "resources").length;
    const goal = 1 + material + 1;
    const kinds = hook.received.map((receipt) => (receipt.body as { type: string }).type.replace("event.", ""));
    const headers = slack.received.map((receipt) => JSON.stringify((receipt.body as { blocks: unknown[] }).blocks[0] ?? ""));
    const updatesLabelledNew = hook.received.filter((receipt, index) => kinds[index] === "updated" && /\bNew:|\[NEW\]/.test(headers[index] ?? "")).length;
    const aha = replayAha(history);
    const count = (what: Observation["what"]) => history.filter((observation) => observation.what === what).length;
    printNote(NAME, `history: opened, then 20 updates: ${count("description")} new descriptions, ${count("resources")} new resources, ${count("lastUpdatedTime only")} bare lastUpdatedTime bumps, 1 close`);
    printFigure(NAME, { side: "healthdeck", messages: hook.received.length, opened: kinds.filter((kind) => kind === "opened").length, updated: kinds.filter((kind) => kind === "updated").length, resolved: kinds.filter((kind) => kind === "resolved").length }, { text: `1 opened + ${material} material updates + 1 resolved = ${goal}`, met: hook.received.length === goal && kinds[0] === "opened" && kinds.at(-1) === "resolved" });
    printFigure(NAME, { side: "healthdeck", slackMessages: slack.received.length, updatesLabelledNew }, { text: "no update labelled new", met: updatesLabelledNew === 0 && slack.received.length === hook.received.length });
    printFigure(NAME, { side: "aha", messages: aha.length, labelledNew: aha.filter((label) => label === "[NEW]").length, updatesLabelledNew: Math.max(0, aha.filter((label) => label === "[NEW]").length - 1), resolved: aha.filter((label) => label === "[RESOLVED]").length, resourceUpdatesSent: 0 });
  },
};
