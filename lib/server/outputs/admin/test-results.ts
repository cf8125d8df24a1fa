import { randomBytes } from "node:crypto";
import type { TestMessageResult } from "@/lib/server/outputs/admin/send-test-message";

/** Recent test answers, shown on /notifications after the redirect; in memory (a restart forgets them, the audit keeps them). */
interface TestResults {
  byId: Map<string, TestMessageResult>;
  lastTestAt: Map<string, number>;
}

const RESULTS_KEY = Symbol.for("healthdeck.notify-test-results");
const KEPT = 50;
/** one test per channel this often: a double click or a loop does not spam a channel */
export const TEST_INTERVAL_MS = 5_000;

function results(): TestResults {
  const holder = globalThis as { [RESULTS_KEY]?: TestResults };
  holder[RESULTS_KEY] ??= { byId: new Map(), lastTestAt: new Map() };
  return holder[RESULTS_KEY];
}

/** Reserves the channel's next test slot; false when the last test was less than TEST_INTERVAL_MS ago. */
export function claimTestSlot(channelId: string, now: number): boolean {
  const last = results().lastTestAt.get(channelId);
  if (last !== undefined && now - last < TEST_INTERVAL_MS) return false;
  results().lastTestAt.set(channelId, now);
  return true;
}

export function keepTestResult(result: TestMessageResult): string {
  const { byId } = results();
  const id = randomBytes(6).toString("base64url");
  byId.set(id, result);
  for (const old of byId.keys()) {
    if (byId.size <= KEPT) break;
    byId.delete(old);
  }
  return id;
}

export function findTestResult(id: string | undefined): TestMessageResult | null {
  return id === undefined ? null : (results().byId.get(id) ?? null);
}
