import { expect, type APIRequestContext } from "@playwright/test";
import { z } from "zod";

/** The ingest secret playwright.config.ts gives the app. */
export const INGEST_TOKEN = "e2e-ingest-token-0123456789";

export interface HealthEventInput {
  account: string;
  arn: string;
  service: string;
  code: string;
  category: string;
  status: string;
  /** the event's region; `global` is delivered from us-east-1 */
  region: string;
  description: string;
  communicationId: string;
  startMs: number;
  endMs?: number;
  lastUpdatedMs?: number;
  entities: { entityValue: string; status: string }[];
  page?: number;
  totalPages?: number;
}

const httpDate = (ms: number) => new Date(ms).toUTCString();

/** One `aws.health` event as an EventBridge API destination delivers it (AWS writes the detail's times as HTTP dates). */
export function buildHealthEvent(input: HealthEventInput) {
  const page = input.page ?? 1;
  const updated = input.lastUpdatedMs ?? Date.now();
  return {
    version: "0",
    id: `e2e-${input.communicationId}-${page}`,
    "detail-type": "AWS Health Event",
    source: "aws.health",
    account: input.account,
    time: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    region: input.region === "global" ? "us-east-1" : input.region,
    resources: input.entities.map((entity) => entity.entityValue).slice(0, 10),
    detail: {
      eventArn: input.arn,
      service: input.service,
      eventTypeCode: input.code,
      eventTypeCategory: input.category,
      eventScopeCode: "ACCOUNT_SPECIFIC",
      communicationId: `${input.communicationId}-${page}`,
      startTime: httpDate(input.startMs),
      ...(input.endMs === undefined ? {} : { endTime: httpDate(input.endMs) }),
      lastUpdatedTime: httpDate(updated),
      statusCode: input.status,
      eventRegion: input.region,
      eventDescription: [{ language: "en_US", latestDescription: input.description }],
      affectedEntities: input.entities.map((entity) => ({ ...entity, lastUpdatedTime: httpDate(updated) })),
      affectedAccount: input.account,
      page: String(page),
      totalPages: String(input.totalPages ?? 1),
      backupEvent: "false",
    },
  };
}

const answerSchema = z.object({ results: z.array(z.object({ id: z.string() })) });

/** POSTs one event or an array to the ingest endpoint; returns the stored events' ids. */
export async function pushHealthEvents(request: APIRequestContext, body: unknown): Promise<string[]> {
  const response = await request.post("/api/v1/ingest/eventbridge", { data: body, headers: { "X-Healthdeck-Token": INGEST_TOKEN } });
  expect(response.status(), await response.text()).toBe(200);
  return answerSchema.parse(await response.json()).results.map((result) => result.id);
}
