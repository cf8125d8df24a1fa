import { promises as dns } from "node:dns";
import { FALLBACK_HEALTH_REGION, HEALTH_GLOBAL_HOSTNAME, parseHealthCnameRegion } from "@/lib/server/sources/account-health/parse-health-cname";

export type ResolveCname = (hostname: string) => Promise<string[]>;

export const resolveCnameWithDns: ResolveCname = (hostname) => dns.resolveCname(hostname);

export interface ResolvedHealthRegion {
  region: string;
  via: "dns" | "fallback";
  /** why DNS was not used, for logs */
  problem: string | null;
}

/** Asks DNS which Health region is active; any failure or odd answer falls back to us-east-1. */
export async function resolveHealthRegion(resolveCname: ResolveCname): Promise<ResolvedHealthRegion> {
  try {
    const targets = await resolveCname(HEALTH_GLOBAL_HOSTNAME);
    for (const target of targets) {
      const region = parseHealthCnameRegion(target);
      if (region) return { region, via: "dns", problem: null };
    }
    return { region: FALLBACK_HEALTH_REGION, via: "fallback", problem: `no region in the CNAME of ${HEALTH_GLOBAL_HOSTNAME}: ${targets.join(", ") || "(empty)"}` };
  } catch (error) {
    const detail = error instanceof Error ? (("code" in error && typeof error.code === "string" && error.code) || error.message) : String(error);
    return { region: FALLBACK_HEALTH_REGION, via: "fallback", problem: `could not resolve ${HEALTH_GLOBAL_HOSTNAME}: ${detail}` };
  }
}
