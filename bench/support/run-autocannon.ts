import path from "node:path";
import { z } from "zod";
import { REPO_ROOT } from "@/bench/support/ensure-build";
import { spawnTracked, waitForExit } from "@/bench/support/spawn-tracked";

const AUTOCANNON_BIN = path.join(REPO_ROOT, "node_modules", "autocannon", "autocannon.js");

const resultSchema = z.object({
  duration: z.number(),
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
  "2xx": z.number(),
  "3xx": z.number().default(0),
  latency: z.object({ p50: z.number(), p99: z.number(), average: z.number(), max: z.number() }),
  requests: z.object({ total: z.number() }),
  throughput: z.object({ total: z.number() }),
});

export interface LoadResult {
  requestsPerSecond: number;
  ok: number;
  /** 3xx answers (304 on a conditional request); autocannon counts them in non2xx too */
  notModified: number;
  errors: number;
  non2xx: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  bytesPerSecond: number;
}

/** autocannon's CLI in its own process (so it does not share an event loop with anything here), JSON out. */
export async function runAutocannon(options: {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}=${value}`]);
  const child = spawnTracked(
    "autocannon",
    process.execPath,
    [AUTOCANNON_BIN, "-c", String(options.connections), "-d", String(options.durationSeconds), "-j", "-n", ...headerArgs, options.url],
    { env: process.env, captureStdout: true },
  );
  const code = await waitForExit(child, (options.durationSeconds + 30) * 1000);
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  const json: unknown = JSON.parse(child.stdout());
  const result = resultSchema.parse(json);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    ok: result["2xx"],
    notModified: result["3xx"],
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    bytesPerSecond: result.throughput.total / result.duration,
  };
}
