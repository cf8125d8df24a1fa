import type { AccountEvent } from "@/lib/shared/account-health-contract";
import type { AccountImpact, AccountMark } from "@/lib/shared/public-status-contract";
import type { StoredPublicEvent } from "@/lib/server/store/contract/store-records";

// Health API service codes whose dashboard slug is not simply the lower-cased code.
const SLUG_ALIASES: Readonly<Record<string, string>> = {
  ELASTICLOADBALANCING: "elb",
  ELB: "elb",
  CLOUDWATCH: "cloudwatch",
  MULTIPLE_SERVICES: "multipleservices",
  EKS: "eks",
  ES: "elasticsearch",
  OPENSEARCH: "elasticsearch",
  VPN: "vpc",
};

export function toDashboardSlug(healthService: string): string {
  const code = healthService.toUpperCase();
  return SLUG_ALIASES[code] ?? code.toLowerCase().replace(/_/g, "");
}

/** The public board key an account event belongs to (`ec2-us-east-1`, or `route53` for global). */
export function toServiceKey(event: Pick<AccountEvent, "service" | "region">): string {
  const slug = toDashboardSlug(event.service);
  return event.region === null || event.region === "global" ? slug : `${slug}-${event.region}`;
}

export interface AccountCorrelation {
  markFor(key: string): AccountMark | null;
  /** Reads the sample resources of the account events these public events touch; call before impactOf. */
  loadSamples(publicEvents: readonly StoredPublicEvent[]): Promise<void>;
  impactOf(event: StoredPublicEvent): AccountImpact | null;
}

const SAMPLE_SIZE = 5;

/**
 * Joins your open account events to the public board: by ARN first (the Health API reports a public
 * event under the dashboard's ARN), else by service key and overlapping time for issues.
 */
export function correlateAccountEvents(
  openEvents: readonly AccountEvent[],
  sampleResources: (eventId: string, limit: number) => Promise<string[]>,
): AccountCorrelation {
  const samplesByEvent = new Map<string, string[]>();
  const byKey = new Map<string, AccountEvent[]>();
  const byArn = new Map<string, AccountEvent[]>();
  for (const event of openEvents) {
    const key = toServiceKey(event);
    byKey.set(key, [...(byKey.get(key) ?? []), event]);
    byArn.set(event.arn, [...(byArn.get(event.arn) ?? []), event]);
  }
  return {
    markFor(key) {
      const events = byKey.get(key);
      if (!events || events.length === 0) return null;
      return { openEvents: events.length, affectedResources: events.reduce((sum, event) => sum + event.entityCounts.total, 0) };
    },
    async loadSamples(publicEvents) {
      const wanted = new Set<string>();
      for (const publicEvent of publicEvents) for (const event of matchesOf(publicEvent).values()) if (!samplesByEvent.has(event.id)) wanted.add(event.id);
      await Promise.all([...wanted].map(async (id) => samplesByEvent.set(id, await sampleResources(id, SAMPLE_SIZE))));
    },
    impactOf(publicEvent) {
      const matches = matchesOf(publicEvent);
      if (matches.size === 0) return null;
      const events = [...matches.values()];
      const samples: string[] = [];
      for (const event of events) {
        if (samples.length >= SAMPLE_SIZE) break;
        samples.push(...(samplesByEvent.get(event.id) ?? []).slice(0, SAMPLE_SIZE - samples.length));
      }
      return {
        events: events.map((event) => ({
          id: event.id,
          accountId: event.accountId,
          eventTypeCode: event.eventTypeCode,
          status: event.status,
          affectedResources: event.entityCounts.total,
        })),
        affectedResources: events.reduce((sum, event) => sum + event.entityCounts.total, 0),
        sampleResources: samples,
      };
    },
  };

  function matchesOf(publicEvent: StoredPublicEvent): Map<string, AccountEvent> {
      const matches = new Map<string, AccountEvent>();
      for (const event of byArn.get(publicEvent.arn ?? "") ?? []) matches.set(event.id, event);
      const keys = [publicEvent.key, ...publicEvent.impacted.map((impacted) => impacted.key)];
      for (const key of keys) {
        for (const event of byKey.get(key) ?? []) {
          if (event.category !== "issue" && event.category !== "investigation") continue;
          const startedAt = event.startTime === null ? null : Date.parse(event.startTime) / 1000;
          const endsAt = publicEvent.endedAt ?? Number.POSITIVE_INFINITY;
          if (startedAt !== null && (startedAt > endsAt + 3600 || startedAt < publicEvent.startedAt - 6 * 3600)) continue;
          matches.set(event.id, event);
        }
      }
      return matches;
  }
}
