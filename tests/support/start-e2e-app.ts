import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { E2E_PORT_OFFSET, e2eAppEnvironment } from "../../playwright.config";

export interface E2eApp {
  origin: string;
  /** SIGTERM to the app's process group, SIGKILL after 10 s; safe to call twice */
  stop(): Promise<void>;
}

/**
 * An app of a spec's own: the same build and simulator as the shared one, its own port (`3100 + port offset`),
 * data directory and settings, in its own process group so that stopping it stops next's workers too. Ready once
 * `/api/v1/health` answers 2xx; fails at once when the app exits, and after 60 s.
 */
export async function startE2eApp(options: { port: number; dataDir: string; env?: Record<string, string>; logFile?: string }): Promise<E2eApp> {
  const port = options.port + E2E_PORT_OFFSET;
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, ...e2eAppEnvironment(options.dataDir), ...options.env },
    stdio: options.logFile ? ["ignore", "pipe", "pipe"] : "ignore",
    detached: true,
  });
  if (options.logFile) {
    const log = createWriteStream(options.logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const app: E2eApp = {
    origin,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    if (await fetch(`${origin}/api/v1/health`).then((response) => response.ok, () => false)) return app;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await app.stop();
  throw new Error("the app did not answer within 60 s");
}
