// Small helpers shared by the demo and start scripts (plain Node, no dependencies: they run before npm ci).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export function runOrExit(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when there is no production build or a source file is newer than it. */
export function needsBuild(root) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const inputs = ["app", "components", "lib", "public", "instrumentation.ts", "next.config.js", "package-lock.json"];
  return inputs.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

export async function waitForHttp(url, timeoutMs, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`process exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Starts a child in a process group of its own; `stop()` signals the whole group, so whatever the child started
 * itself (npx's and next's own children) stops with it instead of being orphaned.
 */
export function spawnChild(command, args, options) {
  const child = spawn(command, args, { stdio: "inherit", ...options, detached: true });
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const stop = (signal = "SIGTERM") => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return { child, isAlive: () => !exited, stop };
}
