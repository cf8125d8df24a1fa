import { gzipSync } from "node:zlib";
import type { Benchmark } from "@/bench/support/benchmark";
import { formatBytes, printFigure, printNote } from "@/bench/support/format-figures";
import { getRawOk } from "@/bench/support/get-raw";
import { listPageAssets } from "@/bench/support/list-page-assets";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startProductionApp } from "@/bench/support/start-production-app";

const NAME = "first-load-js";
const GOAL_BYTES = 150 * 1024;
const LARGEST_SHOWN = 5;

interface MeasuredFile {
  path: string;
  raw: number;
  gzip: number;
  serverEncoding: string;
}

const gzipSize = (body: Buffer) => gzipSync(body, { level: 9 }).length;

async function measureFile(url: string): Promise<MeasuredFile> {
  const plain = await getRawOk(url);
  const offered = await getRawOk(url, { "accept-encoding": "gzip" });
  return {
    path: new URL(url).pathname,
    raw: plain.body.length,
    gzip: gzipSize(plain.body),
    serverEncoding: String(offered.headers["content-encoding"] ?? "none"),
  };
}

export const firstLoadJsBenchmark: Benchmark = {
  name: NAME,
  summary: "JavaScript a modern browser loads for / (<script src> without nomodule, modulepreload, preload as=script), gzip level 9",
  timeLimitMs: 2 * 60_000,
  async run(cleanup) {
    const { simulator, description } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, { label: NAME, simulator });
    printNote(NAME, `setup: ${app.url} (next start), ${description}`);

    const page = await getRawOk(`${app.url}/`);
    const html = page.body.toString("utf8");
    const assets = listPageAssets(html, `${app.url}/`);
    const scripts = await Promise.all(assets.scripts.map(measureFile));
    const styles = await Promise.all(assets.stylesheets.map(measureFile));
    const legacy = await Promise.all(assets.noModuleScripts.map(measureFile));
    const total = scripts.reduce((sum, file) => sum + file.gzip, 0);
    const totalRaw = scripts.reduce((sum, file) => sum + file.raw, 0);
    const serverEncodings = [...new Set(scripts.map((file) => file.serverEncoding))].join(",");

    printFigure(
      NAME,
      { total: `${(total / 1024).toFixed(1)}KB`, raw: formatBytes(totalRaw), scripts: scripts.length, serverEncoding: serverEncodings },
      { text: "≤ 150 KB gzip (1 KB = 1024 B)", met: total <= GOAL_BYTES },
    );
    const largest = [...scripts].sort((a, b) => b.gzip - a.gzip).slice(0, LARGEST_SHOWN);
    largest.forEach((file, index) =>
      printFigure(`${NAME}.largest.${index + 1}`, { gzip: formatBytes(file.gzip), raw: formatBytes(file.raw), path: file.path }),
    );
    printFigure(`${NAME}.nomodule`, {
      files: legacy.length,
      gzip: formatBytes(legacy.reduce((sum, file) => sum + file.gzip, 0)),
      note: JSON.stringify("legacy polyfills, not counted: module-capable browsers skip <script nomodule>"),
    });
    printFigure(`${NAME}.css`, {
      files: styles.length,
      gzip: formatBytes(styles.reduce((sum, file) => sum + file.gzip, 0)),
      raw: formatBytes(styles.reduce((sum, file) => sum + file.raw, 0)),
    });
    printFigure(`${NAME}.html`, {
      raw: formatBytes(page.body.length),
      gzip: formatBytes(gzipSize(page.body)),
      inlineScripts: assets.inlineScriptCount,
      inlineScriptBytes: formatBytes(assets.inlineScriptBytes),
      note: JSON.stringify("not counted above: the HTML carries the server-rendered board and its RSC payload inline"),
    });
  },
};
