import { readSample, type SampleEvent, type SampleName } from "@/tests/fixtures/account-health/eventbridge-samples";

export const BENCH_INGEST_TOKEN = "bench-ingest-token-0123456789abcdef";
export const BENCH_ACCOUNT = "123456789012";

const httpDate = (ms: number) => new Date(ms).toUTCString();

/**
 * One event with many affected entities, pushed as a paged communication (as AWS pages large lists), built from
 * AWS's planned-lifecycle page-1-of-10 sample. Statuses cycle PENDING, PENDING, PENDING, RESOLVED as in the sample.
 */
export function buildEntityPages(options: { run: string; entities: number; perPage: number }): SampleEvent[] {
  const totalPages = Math.ceil(options.entities / options.perPage);
  const arn = `arn:aws:health:us-west-2::event/LAMBDA/AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT/BENCH_${options.run}`;
  const now = Date.now();
  return Array.from({ length: totalPages }, (_, index) => {
    const page = index + 1;
    const first = index * options.perPage;
    const count = Math.min(options.perPage, options.entities - first);
    const entities = Array.from({ length: count }, (_, offset) => {
      const n = first + offset;
      return {
        entityValue: `arn:aws:lambda:us-west-2:${BENCH_ACCOUNT}:function:bench-fn-${String(n).padStart(6, "0")}`,
        lastUpdatedTime: httpDate(now - (n % 3_600) * 1000),
        status: n % 4 === 3 ? "RESOLVED" : "PENDING",
      };
    });
    const event = readSample("lambdaPage1of10");
    event.id = `bench-${options.run}-${page}`;
    event.resources = entities.map((entity) => entity.entityValue);
    event.detail = {
      ...event.detail,
      eventArn: arn,
      communicationId: `bench${options.run}-${page}`,
      lastUpdatedTime: httpDate(now),
      page: String(page),
      totalPages: String(totalPages),
      affectedEntities: entities,
    };
    return event;
  });
}

const VARIETY: readonly SampleName[] = ["publicIssue", "instanceRetirement", "lambdaPage1of10", "credentialsExposed2016"];

/**
 * The `index`-th of a stream of distinct pushes: AWS's samples in turn, each with its own event ARN and communication
 * id (so none is a duplicate), single-page, with the sample's own entities.
 */
export function buildUniquePush(run: string, index: number): SampleEvent {
  const name = VARIETY[index % VARIETY.length] ?? "publicIssue";
  const event = readSample(name);
  const arn = String(event.detail.eventArn ?? "arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/x");
  event.id = `bench-${run}-${index}`;
  event.account = BENCH_ACCOUNT;
  event.detail = {
    ...event.detail,
    eventArn: `${arn}_BENCH_${run}_${index}`,
    communicationId: `bench${run}x${index}-1`,
    affectedAccount: BENCH_ACCOUNT,
    page: "1",
    totalPages: "1",
    backupEvent: "false",
  };
  return event;
}
