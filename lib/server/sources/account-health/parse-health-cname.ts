/** The DNS name AWS points at the active Health endpoint (TTL 10 s). */
export const HEALTH_GLOBAL_HOSTNAME = "global.health.amazonaws.com";
/** The normally active region, used when DNS does not answer. */
export const FALLBACK_HEALTH_REGION = "us-east-1";

const REGION_LABEL = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** `health.us-east-2.amazonaws.com.` → `us-east-2`: the region is the second label of the CNAME target. */
export function parseHealthCnameRegion(target: string): string | null {
  const labels = target.trim().toLowerCase().replace(/\.$/, "").split(".");
  if (labels.length < 3 || labels[0] !== "health") return null;
  const region = labels[1];
  return region !== undefined && REGION_LABEL.test(region) ? region : null;
}
