import { CloudTrailClient, LookupEventsCommand, type Event as CloudTrailApiEvent } from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import { createRegionPacer, type RegionPacer } from "@/lib/server/sources/exposed-key/create-region-pacer";
import { describeResponderError, type ResponderProblem } from "@/lib/server/sources/exposed-key/describe-responder-error";
import type { ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";
import { createTrailGrouper, type TrailCall, type TrailGroup } from "@/lib/server/sources/exposed-key/group-trail-events";
import { clientConfig, credentialsFor } from "@/lib/server/sources/exposed-key/responder-credentials";

export const MAX_LOOKUP_HOURS = 90 * 24;
const PAGE_SIZE = 50;

export interface RegionTrail {
  region: string;
  status: "complete" | "capped" | "failed";
  pages: number;
  events: number;
  problem: ResponderProblem | null;
}

export interface KeyTrail {
  /** epoch ms */
  windowStart: number;
  windowEnd: number;
  hours: number;
  regions: RegionTrail[];
  groups: TrailGroup[];
  totalEvents: number;
  /** set when the look-up stopped at the event limit */
  cappedAt: number | null;
  finishedAt: number;
}

// CloudTrailEvent is a JSON string; only these fields are read, each optional (AWS adds fields, never promises all).
const cloudTrailEventSchema = z.object({
  sourceIPAddress: z.string().max(256).optional(),
  userAgent: z.string().max(2_048).optional(),
  errorCode: z.string().max(256).optional(),
  eventSource: z.string().max(256).optional(),
  eventName: z.string().max(256).optional(),
});

export function readTrailCall(event: CloudTrailApiEvent, region: string): TrailCall {
  let detail: z.infer<typeof cloudTrailEventSchema> = {};
  try {
    const parsed = cloudTrailEventSchema.safeParse(JSON.parse(event.CloudTrailEvent ?? "{}"));
    if (parsed.success) detail = parsed.data;
  } catch {
    // An unreadable detail still counts as a call; its address and agent show as unknown.
  }
  return {
    region,
    eventSource: detail.eventSource ?? event.EventSource ?? "unknown",
    eventName: detail.eventName ?? event.EventName ?? "unknown",
    sourceIp: detail.sourceIPAddress ?? "unknown",
    userAgent: detail.userAgent ?? "unknown",
    at: event.EventTime?.getTime() ?? 0,
    errorCode: detail.errorCode ?? null,
  };
}

export interface LookupKeyTrailInput {
  accountId: string;
  keyId: string;
  regions: readonly string[];
  hours: number;
  now: number;
  /** shared by look-ups of one process: CloudTrail's limit is per account and region, not per look-up */
  pacer?: RegionPacer;
  /** stops every region (the look-up's claim was lost, or the process stops) */
  signal?: AbortSignal;
  /** after each page read: the totals so far, for a progress shown while it runs */
  onPage?: (progress: { pages: number; events: number }) => void;
}

/**
 * LookupEvents by AccessKeyId in each region side by side, every page paced under the per-region limit, until the
 * window is read, the event limit is reached (memory holds groups, never more than `maxEvents` calls counted) or
 * the region's time runs out. A failed region says why; the others still count.
 */
export async function lookupKeyTrail(settings: ExposedKeySourceSettings, input: LookupKeyTrailInput): Promise<KeyTrail> {
  const hours = Math.min(Math.max(input.hours, 1), MAX_LOOKUP_HOURS);
  const windowEnd = input.now;
  const windowStart = windowEnd - hours * 3_600_000;
  const pacer = input.pacer ?? createRegionPacer({ ratePerSecond: settings.ratePerSecond });
  const credentials = credentialsFor(settings, settings.readRoleTemplate, input.accountId);
  const grouper = createTrailGrouper();
  let total = 0;
  let pagesRead = 0;
  let isCapped = false;

  function describeRegionFailure(error: unknown, region: string, timeout: AbortSignal): ResponderProblem {
    if (input.signal?.aborted) {
      const why = input.signal.reason instanceof Error ? input.signal.reason.message : "the look-up was stopped";
      return { kind: "stopped", reason: `cloudtrail:LookupEvents in ${region} stopped: ${why}` };
    }
    if (timeout.aborted) {
      return { kind: "timeout", reason: `cloudtrail:LookupEvents in ${region} did not finish within ${Math.round(settings.regionTimeoutMs / 1000)} s; the other regions still count` };
    }
    return describeResponderError(error, `cloudtrail:LookupEvents in ${region}`);
  }

  async function readRegion(region: string): Promise<RegionTrail> {
    const trail: RegionTrail = { region, status: "complete", pages: 0, events: 0, problem: null };
    const client = new CloudTrailClient({ ...clientConfig(settings, region, credentials, settings.endpoints.cloudtrail, 4), retryMode: "adaptive" });
    const timeout = AbortSignal.timeout(settings.regionTimeoutMs);
    const deadline = input.signal ? AbortSignal.any([timeout, input.signal]) : timeout;
    let nextToken: string | undefined;
    try {
      do {
        if (isCapped) {
          trail.status = "capped";
          break;
        }
        await pacer.wait(`${input.accountId}:${region}`, deadline);
        const page = await client.send(
          new LookupEventsCommand({
            LookupAttributes: [{ AttributeKey: "AccessKeyId", AttributeValue: input.keyId }],
            StartTime: new Date(windowStart),
            EndTime: new Date(windowEnd),
            MaxResults: PAGE_SIZE,
            NextToken: nextToken,
          }),
          { abortSignal: deadline },
        );
        trail.pages += 1;
        for (const event of page.Events ?? []) {
          if (total >= settings.maxEvents) {
            isCapped = true;
            break;
          }
          grouper.add(readTrailCall(event, region));
          total += 1;
          trail.events += 1;
        }
        pagesRead += 1;
        input.onPage?.({ pages: pagesRead, events: total });
        nextToken = page.NextToken;
        if (isCapped && nextToken) trail.status = "capped";
      } while (nextToken && !isCapped);
    } catch (error) {
      trail.status = "failed";
      trail.problem = describeRegionFailure(error, region, timeout);
    } finally {
      client.destroy();
    }
    return trail;
  }

  const regions = await Promise.all([...new Set(input.regions)].map(readRegion));
  return { windowStart, windowEnd, hours, regions, groups: grouper.list(), totalEvents: total, cappedAt: isCapped ? settings.maxEvents : null, finishedAt: Date.now() };
}
