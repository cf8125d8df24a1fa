/** A stand-in for `dns.promises.resolveCname`, answering for AWS Health's global endpoint. */

export const GLOBAL_HEALTH_HOST = "global.health.amazonaws.com";

export interface FakeCnameResolver {
  /** Same contract as `dns.promises.resolveCname`; a detached function, safe to pass around. */
  resolveCname: (hostname: string) => Promise<string[]>;
  /** Points global.health.amazonaws.com at health.<region>.amazonaws.com. */
  point(region: string): void;
  /** The current answer, e.g. health.us-east-1.amazonaws.com. */
  target(): string;
  /** Every lookup fails with this DNS error code (ENOTFOUND, ETIMEOUT, SERVFAIL…) until set back to null. */
  fail(code: string | null): void;
  /** Lookups answered or failed so far. */
  lookups(): number;
}

export function createFakeCnameResolver(initialRegion = "us-east-1"): FakeCnameResolver {
  let region = initialRegion;
  let failure: string | null = null;
  let count = 0;
  const dnsError = (code: string, hostname: string) =>
    Object.assign(new Error(`queryCname ${code} ${hostname}`), { code, hostname, syscall: "queryCname", errno: undefined });
  return {
    resolveCname: async (hostname) => {
      count += 1;
      if (failure !== null) throw dnsError(failure, hostname);
      if (hostname.replace(/\.$/, "").toLowerCase() !== GLOBAL_HEALTH_HOST) throw dnsError("ENODATA", hostname);
      return [`health.${region}.amazonaws.com`];
    },
    point(next) {
      region = next;
    },
    target: () => `health.${region}.amazonaws.com`,
    fail(code) {
      failure = code;
    },
    lookups: () => count,
  };
}
