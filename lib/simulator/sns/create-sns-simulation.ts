import { z } from "zod";

/** A topic every account of the world has, so the demo needs no set-up: arn:aws:sns:<any region>:<account>:healthdeck-notifications. */
export const DEFAULT_SNS_TOPIC_NAME = "healthdeck-notifications";

export interface PublishedSnsMessage {
  messageId: string;
  topicArn: string;
  subject: string | null;
  message: string;
  attributes: Record<string, { dataType: string; value: string }>;
  at: number;
}

export const snsSwitchesSchema = z.strictObject({
  /** the next N publishes answer 400 Throttling "Rate exceeded" */
  throttleNext: z.number().int().min(0).max(1000).optional(),
  /** the next N publishes answer 403 AuthorizationError */
  denyNext: z.number().int().min(0).max(1000).optional(),
});
export type SnsSwitches = Required<z.infer<typeof snsSwitchesSchema>>;

export interface SnsSimulation {
  isKnownTopic(topicArn: string): boolean;
  addTopic(topicArn: string): void;
  /** the first switch that applies to this publish, counting it down */
  takeFault(): "throttle" | "deny" | null;
  setSwitches(patch: Partial<SnsSwitches>): void;
  switches(): SnsSwitches;
  record(message: PublishedSnsMessage): void;
  /** every accepted publish, oldest first (the last 1,000) */
  messages(): PublishedSnsMessage[];
  reset(): void;
}

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:(\d{12}):([\w-]{1,256})$/;

/** The fake SNS's state: topics, fault switches and what was published. `accountIds` names the world's accounts. */
export function createSnsSimulation(options: { accountIds: () => readonly string[]; topics?: readonly string[] }): SnsSimulation {
  const topics = new Set(options.topics ?? []);
  const published: PublishedSnsMessage[] = [];
  const state: SnsSwitches = { throttleNext: 0, denyNext: 0 };
  return {
    isKnownTopic(topicArn) {
      if (topics.has(topicArn)) return true;
      const match = TOPIC_ARN.exec(topicArn);
      return match?.[2] === DEFAULT_SNS_TOPIC_NAME && options.accountIds().includes(match[1] ?? "");
    },
    addTopic: (topicArn) => void topics.add(topicArn),
    takeFault() {
      if (state.throttleNext > 0) {
        state.throttleNext -= 1;
        return "throttle";
      }
      if (state.denyNext > 0) {
        state.denyNext -= 1;
        return "deny";
      }
      return null;
    },
    setSwitches: (patch) => void Object.assign(state, patch),
    switches: () => ({ ...state }),
    record(message) {
      published.push(message);
      if (published.length > 1000) published.shift();
    },
    messages: () => [...published],
    reset() {
      published.length = 0;
      Object.assign(state, { throttleNext: 0, denyNext: 0 });
    },
  };
}
