import { randomUUID } from "node:crypto";
import { z } from "zod";

/** What the fake IAM and CloudTrail know: access keys, their users' attached policies, and each region's trail. */
export interface SimAccessKey {
  accessKeyId: string;
  accountId: string;
  userName: string;
  status: "Active" | "Inactive";
  createdAt: number;
  lastUsed: { at: number; service: string; region: string } | null;
}

export interface TrailEvent {
  eventId: string;
  /** epoch ms */
  at: number;
  accountId: string;
  region: string;
  accessKeyId: string;
  userName: string;
  eventSource: string;
  eventName: string;
  sourceIp: string;
  userAgent: string;
  readOnly: boolean;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface ExposedKeyWorld {
  keys: Map<string, SimAccessKey>;
  /** `${accountId}/${userName}` → attached managed policy ARNs */
  userPolicies: Map<string, string[]>;
  /** region → events, newest first (LookupEvents answers newest first) */
  trail: Map<string, TrailEvent[]>;
  enabledRegions: string[];
}

export const DEMO_ACCOUNT_ID = "123456789012";
export const DEMO_EXPOSED_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
export const DEMO_EXPOSED_USER = "ci-deploy";
export const QUARANTINE_POLICY_ARN = "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3";
export const DEFAULT_ENABLED_REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2"];

const HOUR = 3_600_000;
const userKey = (accountId: string, userName: string) => `${accountId}/${userName}`;

export function createEmptyWorld(): ExposedKeyWorld {
  return { keys: new Map(), userPolicies: new Map(), trail: new Map(), enabledRegions: [...DEFAULT_ENABLED_REGIONS] };
}

export function addTrailEvents(world: ExposedKeyWorld, events: readonly TrailEvent[]): void {
  for (const event of events) {
    const list = world.trail.get(event.region) ?? [];
    list.push(event);
    world.trail.set(event.region, list);
  }
  for (const list of world.trail.values()) list.sort((a, b) => b.at - a.at);
}

export function listUserPolicies(world: ExposedKeyWorld, accountId: string, userName: string): string[] {
  return world.userPolicies.get(userKey(accountId, userName)) ?? [];
}

const call = (key: SimAccessKey, at: number, region: string, eventSource: string, eventName: string, sourceIp: string, userAgent: string, error?: [string, string]): TrailEvent => ({
  eventId: randomUUID(),
  at,
  accountId: key.accountId,
  region,
  accessKeyId: key.accessKeyId,
  userName: key.userName,
  eventSource,
  eventName,
  sourceIp,
  userAgent,
  readOnly: !/^(Run|Create|Put|Delete|Update|Attach)/.test(eventName),
  errorCode: error?.[0] ?? null,
  errorMessage: error?.[1] ?? null,
});

/**
 * The demo's exposed key: an active key of a CI user, quarantined by AWS, used from two addresses in two regions
 * over the last hours, one call refused by the quarantine policy.
 */
export function createDemoWorld(now: number): ExposedKeyWorld {
  const world = createEmptyWorld();
  const key: SimAccessKey = {
    accessKeyId: DEMO_EXPOSED_KEY_ID,
    accountId: DEMO_ACCOUNT_ID,
    userName: DEMO_EXPOSED_USER,
    status: "Active",
    createdAt: now - 400 * 24 * HOUR,
    lastUsed: { at: now - 2 * HOUR, service: "ec2", region: "us-west-2" },
  };
  world.keys.set(key.accessKeyId, key);
  world.userPolicies.set(userKey(key.accountId, key.userName), ["arn:aws:iam::123456789012:policy/ci-deploy-artifacts", QUARANTINE_POLICY_ARN]);
  const cli = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64";
  const boto = "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.5 lang/python#3.10.12";
  const denied: [string, string] = [
    "Client.UnauthorizedOperation",
    `You are not authorized to perform this operation. User: arn:aws:iam::${DEMO_ACCOUNT_ID}:user/${DEMO_EXPOSED_USER} is not authorized to perform: ec2:RunInstances with an explicit deny in an identity-based policy: ${QUARANTINE_POLICY_ARN}`,
  ];
  addTrailEvents(world, [
    call(key, now - 5 * HOUR, "us-east-1", "sts.amazonaws.com", "GetCallerIdentity", "203.0.113.45", cli),
    call(key, now - 5 * HOUR + 60_000, "us-east-1", "s3.amazonaws.com", "ListBuckets", "203.0.113.45", cli),
    call(key, now - 5 * HOUR + 90_000, "us-east-1", "iam.amazonaws.com", "ListUsers", "203.0.113.45", cli),
    call(key, now - 4 * HOUR, "us-east-1", "sts.amazonaws.com", "GetCallerIdentity", "203.0.113.45", cli),
    call(key, now - 3 * HOUR, "us-west-2", "ec2.amazonaws.com", "DescribeInstances", "198.51.100.23", boto),
    call(key, now - 3 * HOUR + 30_000, "us-west-2", "ec2.amazonaws.com", "DescribeRegions", "198.51.100.23", boto),
    call(key, now - 2 * HOUR, "us-west-2", "ec2.amazonaws.com", "RunInstances", "198.51.100.23", boto, denied),
    call(key, now - 2 * HOUR + 20_000, "us-west-2", "ec2.amazonaws.com", "DescribeInstances", "198.51.100.23", boto),
  ]);
  return world;
}

/** `count` calls of one key spread over regions and the last `spanMs`, for the cap and throttling tests and the benchmark. */
export function generateTrail(key: SimAccessKey, input: { count: number; regions: readonly string[]; now: number; spanMs: number }): TrailEvent[] {
  const names = ["DescribeInstances", "ListBuckets", "GetObjectAcl", "DescribeRegions", "ListFunctions"];
  const events: TrailEvent[] = [];
  for (let index = 0; index < input.count; index += 1) {
    const region = input.regions[index % input.regions.length] ?? "us-east-1";
    const at = input.now - Math.floor((index / Math.max(input.count, 1)) * input.spanMs) - 1_000;
    const name = names[index % names.length] ?? "DescribeInstances";
    events.push(call(key, at, region, `${name.startsWith("List") ? "s3" : "ec2"}.amazonaws.com`, name, `192.0.2.${(index % 7) + 1}`, "aws-cli/2.15.30"));
  }
  return events;
}

/** Control-API input: replace the world with keys and generated trails (tests and benchmarks). */
export const seedBodySchema = z.strictObject({
  keys: z
    .array(
      z.strictObject({
        accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/),
        accountId: z.string().regex(/^\d{12}$/),
        userName: z.string().min(1).max(64),
        status: z.enum(["Active", "Inactive"]).default("Active"),
        quarantined: z.boolean().default(false),
        trail: z.strictObject({ count: z.number().int().min(0).max(200_000), regions: z.array(z.string().min(2).max(25)).min(1).max(30), spanHours: z.number().min(0.01).max(24 * 120) }).optional(),
      }),
    )
    .max(100),
  enabledRegions: z.array(z.string().min(2).max(25)).min(1).max(40).optional(),
});
export type SeedBody = z.infer<typeof seedBodySchema>;

export function createSeededWorld(seed: SeedBody, now: number): ExposedKeyWorld {
  const world = createEmptyWorld();
  if (seed.enabledRegions) world.enabledRegions = [...seed.enabledRegions];
  for (const input of seed.keys) {
    const key: SimAccessKey = { accessKeyId: input.accessKeyId, accountId: input.accountId, userName: input.userName, status: input.status, createdAt: now - 30 * 24 * HOUR, lastUsed: null };
    world.keys.set(key.accessKeyId, key);
    if (input.quarantined) world.userPolicies.set(userKey(key.accountId, key.userName), [QUARANTINE_POLICY_ARN]);
    if (input.trail) addTrailEvents(world, generateTrail(key, { count: input.trail.count, regions: input.trail.regions, now, spanMs: input.trail.spanHours * HOUR }));
  }
  return world;
}
