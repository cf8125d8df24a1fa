import { z } from "zod";
import type { Benchmark } from "@/bench/support/benchmark";
import { formatBytes, formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { getRaw, getRawOk } from "@/bench/support/get-raw";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { runAutocannon, type LoadResult } from "@/bench/support/run-autocannon";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp } from "@/bench/support/start-production-app";
import { startStaticServer } from "@/bench/support/start-static-server";
import { FLOOR_ROUTE_ETAG, FLOOR_ROUTE_PATH, startFloorApp } from "@/bench/support/start-floor-app";

const NAME = "status-api";
const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 10;
const P99_GOAL_MS = 50;
const SINGLE_SECONDS = 3;

// Only the counts matter here; the contract itself is checked by the tests.
const countsSchema = z.object({ services: z.array(z.unknown()), events: z.array(z.unknown()) });

const TARGETS = [
  { label: "full", path: "/api/v1/status" },
  { label: "region", path: "/api/v1/status?region=us-east-1" },
] as const;

// autocannon sends no Accept-Encoding; browsers do, and then Next gzips every response.
const ENCODINGS = [
  { label: "identity", headers: {} },
  { label: "gzip", headers: { "accept-encoding": "gzip, deflate, br" } },
] as const;

async function loadNotModified(url: string, etag: string): Promise<LoadResult> {
  const headers = { "if-none-match": etag, "accept-encoding": "gzip, deflate, br" };
  await runAutocannon({ url, connections: CONNECTIONS, durationSeconds: WARMUP_SECONDS, headers });
  return runAutocannon({ url, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, headers });
}

/**
 * The framework's own floor for the 304 path, measured right before ours: a trivial route handler of a minimal Next
 * app (bench/support/start-floor-app.ts) answering 304 to the same load. Ours cannot beat it; the difference is ours.
 */
async function measureFloorRoute(floorUrl: string): Promise<LoadResult> {
  const result = await loadNotModified(`${floorUrl}${FLOOR_ROUTE_PATH}`, FLOOR_ROUTE_ETAG);
  printFigure(`${NAME}.floor-route.not-modified`, {
    "req/s": Math.round(result.requestsPerSecond),
    p50: formatMs(result.p50Ms),
    p99: formatMs(result.p99Ms),
    max: formatMs(result.maxMs),
    notModified: result.notModified,
    errors: result.errors,
    server: "minimal Next app, next start, one trivial route handler, no proxy",
  });
  return result;
}

/** Repeat clients: If-None-Match with the current ETag, answered 304 without a body. */
async function measureNotModified(label: string, url: string, etag: string, floor: LoadResult | null): Promise<void> {
  const result = await loadNotModified(url, etag);
  // The body changes only with the data; a poll in the window may change it, and then 200s are right.
  printFigure(
    `${label}.not-modified`,
    {
      "req/s": Math.round(result.requestsPerSecond),
      p50: formatMs(result.p50Ms),
      p99: formatMs(result.p99Ms),
      max: formatMs(result.maxMs),
      notModified: result.notModified,
      fullBodies: result.ok,
      errors: result.errors,
      ...(floor === null ? {} : { floorP99: formatMs(floor.p99Ms), p99MinusFloor: formatMs(result.p99Ms - floor.p99Ms) }),
    },
    { text: `p99 ≤ ${P99_GOAL_MS} ms`, met: result.p99Ms <= P99_GOAL_MS && result.errors === 0 && result.notModified > 0 },
  );
}

/** The same bytes from a bare Node http server, in the same run: the machine's floor for a body of that size. */
async function measureStaticFloor(cleanup: CleanupStack, body: Buffer): Promise<void> {
  const url = await startStaticServer(cleanup, body);
  await runAutocannon({ url, connections: CONNECTIONS, durationSeconds: WARMUP_SECONDS });
  const result = await runAutocannon({ url, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS });
  printFigure(`${NAME}.full.static-floor`, {
    "req/s": Math.round(result.requestsPerSecond),
    p50: formatMs(result.p50Ms),
    p99: formatMs(result.p99Ms),
    max: formatMs(result.maxMs),
    size: formatBytes(body.length),
    "MB/s": (result.bytesPerSecond / 1e6).toFixed(0),
    server: "bare node:http, bytes in memory",
  });
}

export const statusApiBenchmark: Benchmark = {
  name: NAME,
  summary: `GET /api/v1/status on next start, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${DURATION_SECONDS} s`,
  timeLimitMs: 4 * 60_000,
  async run(cleanup) {
    const { simulator, description } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, { label: NAME, simulator });
    const floor = await startFloorApp(cleanup, NAME);
    printNote(NAME, `setup: ${app.url} (next start, default poll intervals), ${description}; floor app ${floor.url}${FLOOR_ROUTE_PATH} (built in ${formatMs(floor.buildMs)})`);
    printNote(NAME, `note: ${CONNECTIONS} busy connections at p99 ≤ ${P99_GOAL_MS} ms need ≥ ${(CONNECTIONS * 1000) / P99_GOAL_MS} req/s (Little's law)`);

    for (const target of TARGETS) {
      const url = `${app.url}${target.path}`;
      const plain = await getRawOk(url);
      const etag = String(plain.headers.etag ?? "");
      const body = countsSchema.parse(JSON.parse(plain.body.toString("utf8")));
      const zipped = await getRawOk(url, { "accept-encoding": "gzip, deflate, br" });
      printNote(
        `${NAME}.${target.label}`,
        `GET ${target.path}: ${body.services.length} services, ${body.events.length} events, ` +
          `${formatBytes(plain.body.length)} plain, ${formatBytes(zipped.body.length)} with content-encoding=${String(zipped.headers["content-encoding"] ?? "none")}, etag=${etag || "none"}`,
      );
      const revalidated = await getRaw(url, { "if-none-match": etag });
      printNote(`${NAME}.${target.label}`, `If-None-Match with that ETag: ${revalidated.status}, ${revalidated.body.length} body bytes`);
      // One connection shows the cost of a single request, before queueing behind 49 others.
      const single = await runAutocannon({ url, connections: 1, durationSeconds: SINGLE_SECONDS });
      printFigure(`${NAME}.${target.label}.one-connection`, {
        "req/s": Math.round(single.requestsPerSecond),
        p50: formatMs(single.p50Ms),
        p99: formatMs(single.p99Ms),
        size: formatBytes(plain.body.length),
      });
      for (const encoding of ENCODINGS) {
        await runAutocannon({ url, connections: CONNECTIONS, durationSeconds: WARMUP_SECONDS, headers: encoding.headers });
        const result = await runAutocannon({ url, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, headers: encoding.headers });
        const size = encoding.label === "identity" ? plain.body.length : zipped.body.length;
        printFigure(
          `${NAME}.${target.label}.${encoding.label}`,
          {
            "req/s": Math.round(result.requestsPerSecond),
            p50: formatMs(result.p50Ms),
            p99: formatMs(result.p99Ms),
            max: formatMs(result.maxMs),
            size: formatBytes(size),
            ok: result.ok,
            errors: result.errors,
            non2xx: result.non2xx,
          },
          { text: `p99 ≤ ${P99_GOAL_MS} ms`, met: result.p99Ms <= P99_GOAL_MS && result.errors === 0 && result.non2xx === 0 },
        );
      }
      const floorRoute = target.label === "full" ? await measureFloorRoute(floor.url) : null;
      // A poll during the load above changes the document (its sources' last success): a repeat client holds the tag
      // it was last given, so the tag is read again right before.
      const current = String((await getRawOk(url, { "accept-encoding": "gzip, deflate, br" })).headers.etag ?? "");
      if (current !== "") await measureNotModified(`${NAME}.${target.label}`, url, current, floorRoute);
      if (target.label === "full") await measureStaticFloor(cleanup, plain.body);
    }
  },
};
