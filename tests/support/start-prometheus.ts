import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";

/** Debian's `prometheus` package (scripts/ensure-system-packages.sh installs it). */
export const PROMETHEUS_BIN = "/usr/bin/prometheus";
export const PROMTOOL_BIN = "/usr/bin/promtool";

export interface PrometheusServer {
  url: string;
  dataDir: string;
  /** An instant PromQL query over the HTTP API: the result vector. */
  query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  stop(): Promise<void>;
}

const queryAnswerSchema = z.object({
  status: z.literal("success"),
  data: z.object({
    resultType: z.literal("vector"),
    result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: z.tuple([z.number(), z.string()]) })),
  }),
});

/** `promtool check metrics` on an exposition: exit code and what it printed. */
export function checkMetricsWithPromtool(text: string): { status: number | null; output: string } {
  const result = spawnSync(PROMTOOL_BIN, ["check", "metrics"], { input: text, encoding: "utf8", timeout: 20_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * A real Prometheus on 127.0.0.1 (free port, data in a temp directory) scraping `target` every second.
 * `stop()` ends it and removes its directory.
 */
export async function startPrometheus(options: { target: URL; bearerToken?: string }): Promise<PrometheusServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "healthdeck-prometheus-"));
  const port = await findFreePort();
  const config = [
    "global:",
    "  scrape_interval: 1s",
    "  scrape_timeout: 1s",
    "scrape_configs:",
    "  - job_name: healthdeck",
    `    metrics_path: ${options.target.pathname}`,
    ...(options.bearerToken ? ["    authorization:", "      type: Bearer", `      credentials: ${options.bearerToken}`] : []),
    "    static_configs:",
    `      - targets: ["${options.target.host}"]`,
    "",
  ].join("\n");
  writeFileSync(path.join(dataDir, "prometheus.yml"), config);
  const child = spawn(
    PROMETHEUS_BIN,
    [`--config.file=${path.join(dataDir, "prometheus.yml")}`, `--storage.tsdb.path=${path.join(dataDir, "tsdb")}`, `--web.listen-address=127.0.0.1:${port}`, "--log.level=warn"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  child.stderr.on("data", (chunk: Buffer) => {
    log = `${log}${chunk.toString("utf8")}`.slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`prometheus exited with ${child.exitCode}: ${log}`);
    }
    const ready = await fetch(`${url}/-/ready`).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus not ready within 30 s: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    dataDir,
    async query(promql) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      return queryAnswerSchema.parse(await response.json()).data.result;
    },
    stop,
  };
}
