import { describe, expect, it } from "vitest";
import { createHealthEndpointTracker, RegionChangedError } from "@/lib/server/sources/account-health/track-health-endpoint";

function createDns(initial: string) {
  let answer: string | Error = initial;
  let calls = 0;
  return {
    set(next: string | Error) {
      answer = next;
    },
    get calls() {
      return calls;
    },
    async resolveCname(hostname: string): Promise<string[]> {
      calls += 1;
      expect(hostname).toBe("global.health.amazonaws.com");
      if (answer instanceof Error) throw answer;
      return [answer];
    },
  };
}

const endpoints: Record<string, string> = { "us-east-1": "http://127.0.0.1:1001", "us-east-2": "http://127.0.0.1:1002" };

describe("health endpoint tracker", () => {
  it("places each cycle on the region DNS names, with the injected endpoint of that region", async () => {
    const dns = createDns("health.us-east-2.amazonaws.com");
    const tracker = createHealthEndpointTracker({ endpointOverride: null, resolveCname: dns.resolveCname, endpointForRegion: (region) => endpoints[region] ?? null, now: () => 0, recheckMs: 0 });
    expect(await tracker.placeCycle()).toEqual({ region: "us-east-2", endpoint: "http://127.0.0.1:1002", via: "dns" });
  });

  it("falls back to us-east-1 when DNS fails, and reports why", async () => {
    const dns = createDns("x");
    dns.set(Object.assign(new Error("queryCname ENOTFOUND"), { code: "ENOTFOUND" }));
    const problems: string[] = [];
    const tracker = createHealthEndpointTracker({ endpointOverride: null, resolveCname: dns.resolveCname, now: () => 0, recheckMs: 0, onProblem: (problem) => problems.push(problem) });
    expect(await tracker.placeCycle()).toEqual({ region: "us-east-1", endpoint: null, via: "fallback" });
    await tracker.placeCycle();
    expect(problems).toEqual(["could not resolve global.health.amazonaws.com: ENOTFOUND"]);
  });

  it("skips DNS entirely when AWS_ENDPOINT_URL_HEALTH is set", async () => {
    const dns = createDns("health.us-east-2.amazonaws.com");
    const tracker = createHealthEndpointTracker({ endpointOverride: "http://127.0.0.1:9/", resolveCname: dns.resolveCname, now: () => 0, recheckMs: 0 });
    const placement = await tracker.placeCycle();
    expect(placement).toEqual({ region: "us-east-1", endpoint: "http://127.0.0.1:9/", via: "override" });
    await tracker.assertCurrent(placement);
    expect(dns.calls).toBe(0);
  });

  it("notices a flip mid-cycle, re-asking DNS at most once per recheck interval, and ignores DNS hiccups", async () => {
    let now = 0;
    const dns = createDns("health.us-east-1.amazonaws.com");
    const tracker = createHealthEndpointTracker({ endpointOverride: null, resolveCname: dns.resolveCname, now: () => now, recheckMs: 10_000 });
    const placement = await tracker.placeCycle();
    dns.set("health.us-east-2.amazonaws.com.");
    now = 5_000;
    await tracker.assertCurrent(placement);
    expect(dns.calls).toBe(1);
    now = 10_000;
    const error = await tracker.assertCurrent(placement).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RegionChangedError);
    expect(error).toMatchObject({ from: "us-east-1", to: "us-east-2" });
    dns.set(new Error("SERVFAIL"));
    now = 30_000;
    await expect(tracker.assertCurrent(placement)).resolves.toBeUndefined();
  });
});
