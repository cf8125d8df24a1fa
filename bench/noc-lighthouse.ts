import type { Benchmark } from "@/bench/support/benchmark";
import { compareLighthouseWithFloor } from "@/bench/support/compare-lighthouse-with-floor";
import { formatMs, printFigure, printNote } from "@/bench/support/format-figures";
import { listFailingAudits } from "@/bench/support/read-lighthouse-report";
import { CHROME_PATH } from "@/bench/support/run-lighthouse";
import { startDemoSimulator } from "@/bench/support/start-demo-simulator";
import { startFloorApp } from "@/bench/support/start-floor-app";
import { startProductionApp } from "@/bench/support/start-production-app";
import { buildWallScene, postHealthEvents } from "@/bench/noc-health-events";

const NAME = "noc-lighthouse";
const RUNS = 3;
const INGEST_TOKEN = "noc-lighthouse-bench-token-0123456789";
/** Lighthouse's mobile preset (a phone, 4× CPU slowdown) is the strict one; desktop is closer to a wall PC. */
const PRESETS = ["mobile", "desktop"] as const;

export const nocLighthouseBenchmark: Benchmark = {
  name: NAME,
  summary: "Lighthouse 12 of /noc (mobile and desktop presets) on next start with account events, alternating with the framework's floor page",
  timeLimitMs: 15 * 60_000,
  async run(cleanup) {
    const { simulator, description } = await startDemoSimulator(cleanup);
    const app = await startProductionApp(cleanup, { label: NAME, simulator, env: { HEALTHDECK_INGEST_TOKEN: INGEST_TOKEN } });
    await postHealthEvents(app.url, INGEST_TOKEN, buildWallScene(Date.now()));
    const floor = await startFloorApp(cleanup, NAME);
    printNote(NAME, `setup: ${app.url}/noc (next start), ${description}, plus ${buildWallScene(0).length} account events by EventBridge ingest; floor ${floor.url} (built in ${formatMs(floor.buildMs)}); CHROME_PATH=${CHROME_PATH}`);

    for (const preset of PRESETS) {
      const result = await compareLighthouseWithFloor(cleanup, { name: NAME, floorUrl: floor.url, targets: [{ label: "noc", url: `${app.url}/noc` }], runs: RUNS, preset });
      const worst = [...(result.pages.get("noc") ?? [])].sort((a, b) => a.performance - b.performance)[0];
      if (!worst) continue;
      listFailingAudits(worst.report, "performance", 5).forEach(({ audit, weight }, index) => {
        printFigure(`${NAME}.${preset}.noc.failing.${index + 1}`, {
          audit: audit.id,
          score: audit.score ?? "n/a",
          weight,
          ...(audit.displayValue ? { value: JSON.stringify(audit.displayValue) } : {}),
        });
      });
    }
  },
};
