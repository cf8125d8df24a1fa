import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";

export interface TrackedProcess {
  label: string;
  pid: number;
  logPath: string | null;
  isAlive(): boolean;
  /** Exit code, or null when a signal ended it. */
  exited: Promise<number | null>;
  /** What it wrote to stdout, when spawned with `captureStdout`. */
  stdout(): string;
  /** The last lines of its log file, for error messages. */
  logTail(lines?: number): string;
  /** Signals its process group, then SIGKILLs the group after `graceMs`. */
  stop(options?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<void>;
}

export interface SpawnTrackedOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** stderr (and stdout unless captured) are appended here. */
  logPath?: string;
  captureStdout?: boolean;
}

// Process groups we started and that still run; killed synchronously if this process exits first.
const liveGroups = new Set<number>();
process.on("exit", () => {
  for (const pid of liveGroups) killGroup(pid, "SIGKILL");
});

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spawns a child in its own process group, so stopping it also stops whatever it started. */
export function spawnTracked(label: string, command: string, args: string[], options: SpawnTrackedOptions): TrackedProcess {
  const logFd = options.logPath ? openSync(options.logPath, "a") : null;
  const out = logFd ?? "ignore";
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", options.captureStdout ? "pipe" : out, out],
  });
  if (logFd !== null) closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${label}: could not start ${command}`);
  liveGroups.add(pid);
  const chunks: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
  let alive = true;
  const exited = new Promise<number | null>((resolve) => {
    // "close", not "exit": captured stdout is complete only once its pipe has closed.
    child.once("close", (code) => {
      alive = false;
      resolve(code);
    });
    child.once("error", () => {
      alive = false;
      resolve(null);
    });
  }).then(async (code) => {
    // Give the group a moment to follow its leader, then make sure nothing of it is left.
    await sleep(200);
    killGroup(pid, "SIGKILL");
    liveGroups.delete(pid);
    return code;
  });

  return {
    label,
    pid,
    logPath: options.logPath ?? null,
    isAlive: () => alive,
    exited,
    stdout: () => Buffer.concat(chunks).toString("utf8"),
    logTail(lines = 20) {
      if (!options.logPath) return "";
      try {
        return readFileSync(options.logPath, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
      } catch {
        return "";
      }
    },
    async stop({ signal = "SIGTERM", graceMs = 5000 } = {}) {
      if (!liveGroups.has(pid)) return;
      killGroup(pid, signal);
      const ended = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!ended) killGroup(pid, "SIGKILL");
      await exited;
    },
  };
}

/** Waits for the child to exit within `timeoutMs`, stopping it when it takes longer. */
export async function waitForExit(child: TrackedProcess, timeoutMs: number): Promise<number | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const result = await Promise.race([child.exited, timedOut]);
  clearTimeout(timer);
  if (result === "timeout") {
    await child.stop();
    throw new Error(`${child.label} did not finish within ${Math.round(timeoutMs / 1000)} s`);
  }
  return result;
}
