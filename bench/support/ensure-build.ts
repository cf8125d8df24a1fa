import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { spawnTracked, waitForExit } from "@/bench/support/spawn-tracked";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");
export const REPORTS_DIR = path.join(REPO_ROOT, "reports");
export const NEXT_BIN = path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");

// What ends up in the production build; tests, docs and the simulator do not.
const BUILD_INPUTS = ["app", "components", "lib/client", "lib/server", "lib/shared", "public", "instrumentation.ts", "next.config.js", "package-lock.json", "postcss.config.mjs"];
const IS_SOURCE = /\.(ts|tsx|js|mjs|css|json|svg|png|ico)$/;
const IS_TEST = /\.test\.tsx?$/;

function findNewestSource(target: string): { file: string; mtimeMs: number } | null {
  if (!existsSync(target)) return null;
  const stat = statSync(target);
  if (!stat.isDirectory()) return IS_SOURCE.test(target) && !IS_TEST.test(target) ? { file: target, mtimeMs: stat.mtimeMs } : null;
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const found = findNewestSource(path.join(target, entry));
    if (found && (newest === null || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Why the production build must be (re)built, or null when `.next` is current. */
export function findStaleBuildReason(): string | null {
  const buildId = path.join(REPO_ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return ".next/BUILD_ID is missing";
  const builtAt = statSync(buildId).mtimeMs;
  for (const input of BUILD_INPUTS) {
    const newest = findNewestSource(path.join(REPO_ROOT, input));
    if (newest && newest.mtimeMs > builtAt) return `${path.relative(REPO_ROOT, newest.file)} is newer than .next/BUILD_ID`;
  }
  return null;
}

/** Next servers (not started by us) serving from this checkout: rebuilding `.next` under them would break their pages. */
export function findServersUsingBuild(): number[] {
  if (!existsSync("/proc")) return [];
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmdline.startsWith("next-server") && readlinkSync(`/proc/${entry}/cwd`) === REPO_ROOT) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

let pending: Promise<void> | null = null;

/** Checked once per bench run; a failed build fails every benchmark that needs it without building again. */
export function ensureProductionBuild(): Promise<void> {
  pending ??= checkAndBuild();
  return pending;
}

/**
 * Runs `next build` once per bench run when the build is missing or older than its sources
 * (HEALTHDECK_BENCH_SKIP_BUILD=1 keeps an existing stale build; so does a running `next start` from this checkout
 * unless HEALTHDECK_BENCH_BUILD=force).
 */
async function checkAndBuild(): Promise<void> {
  const reason = findStaleBuildReason();
  const servers = reason === null ? [] : findServersUsingBuild();
  if (reason === null) {
    console.log(`build: .next is current (BUILD_ID written ${statSync(path.join(REPO_ROOT, ".next", "BUILD_ID")).mtime.toISOString()})`);
  } else if (process.env.HEALTHDECK_BENCH_SKIP_BUILD === "1") {
    console.log(`build: ${reason}, but HEALTHDECK_BENCH_SKIP_BUILD=1: benchmarking the existing build`);
  } else if (servers.length > 0 && process.env.HEALTHDECK_BENCH_BUILD !== "force") {
    console.log(
      `build: ${reason}, but next-server pid ${servers.join(",")} serves from this .next and a rebuild would break it: ` +
        "benchmarking the existing build (stop that server, or set HEALTHDECK_BENCH_BUILD=force, to rebuild)",
    );
  } else {
    console.log(`build: ${reason}; running next build (about 15-60 s)…`);
    const started = performance.now();
    mkdirSync(REPORTS_DIR, { recursive: true });
    const build = spawnTracked("next build", process.execPath, [NEXT_BIN, "build"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      logPath: path.join(REPORTS_DIR, "bench-next-build.log"),
    });
    const code = await waitForExit(build, 5 * 60_000);
    if (code !== 0) throw new Error(`next build failed (exit ${code}); see reports/bench-next-build.log:\n${build.logTail(30)}`);
    console.log(`build: done in ${Math.round((performance.now() - started) / 1000)} s`);
  }
}
