import { FALLBACK_HEALTH_REGION } from "@/lib/server/sources/account-health/parse-health-cname";
import { resolveHealthRegion, type ResolveCname } from "@/lib/server/sources/account-health/resolve-health-region";

export interface HealthPlacement {
  /** signing region; also the region whose endpoint is called unless `endpoint` says otherwise */
  region: string;
  /** explicit endpoint URL; null = the SDK's default endpoint of `region` */
  endpoint: string | null;
  via: "override" | "dns" | "fallback";
}

/** The active Health region moved while a cycle was running: its reads may be stale, so the cycle restarts. */
export class RegionChangedError extends Error {
  override name = "RegionChangedError";
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`the active AWS Health region changed from ${from} to ${to}`);
  }
}

export type EndpointForRegion = (region: string) => string | null;

export interface HealthEndpointTrackerOptions {
  /** AWS_ENDPOINT_URL_HEALTH: used as given, DNS skipped */
  endpointOverride: string | null;
  resolveCname: ResolveCname;
  endpointForRegion?: EndpointForRegion;
  now: () => number;
  /** how often a running cycle re-asks DNS (the CNAME's TTL is 10 s) */
  recheckMs: number;
  onProblem?: (message: string) => void;
}

export function createHealthEndpointTracker(options: HealthEndpointTrackerOptions) {
  let lastCheckAt = Number.NEGATIVE_INFINITY;
  // Reported once per distinct problem, not every cycle while DNS stays broken.
  let lastProblem: string | null = null;

  const placeRegion = (region: string, via: HealthPlacement["via"]): HealthPlacement => ({
    region,
    endpoint: options.endpointForRegion?.(region) ?? null,
    via,
  });

  return {
    /** Where this cycle runs: always a fresh DNS answer. */
    async placeCycle(): Promise<HealthPlacement> {
      if (options.endpointOverride) return { region: FALLBACK_HEALTH_REGION, endpoint: options.endpointOverride, via: "override" };
      const resolved = await resolveHealthRegion(options.resolveCname);
      lastCheckAt = options.now();
      if (resolved.problem && resolved.problem !== lastProblem) options.onProblem?.(resolved.problem);
      lastProblem = resolved.problem;
      return placeRegion(resolved.region, resolved.via);
    },
    /** Throws RegionChangedError when DNS now names another region; a DNS hiccup mid-cycle keeps the current one. */
    async assertCurrent(placement: HealthPlacement): Promise<void> {
      if (placement.via === "override") return;
      if (options.now() - lastCheckAt < options.recheckMs) return;
      lastCheckAt = options.now();
      const resolved = await resolveHealthRegion(options.resolveCname);
      if (resolved.via === "dns" && resolved.region !== placement.region) throw new RegionChangedError(placement.region, resolved.region);
    },
  };
}

export type HealthEndpointTracker = ReturnType<typeof createHealthEndpointTracker>;
