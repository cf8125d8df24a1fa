import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { NEXT_BIN, REPORTS_DIR, REPO_ROOT } from "@/bench/support/ensure-build";
import { APP_PORT_RANGE, findFreePort } from "@/bench/support/find-free-port";
import { spawnTracked, waitForExit } from "@/bench/support/spawn-tracked";

export interface FloorApp {
  url: string;
  /** `next build` time of the floor app, ms */
  buildMs: number;
}

/** A user timing the floor page sets once its client component has hydrated (and so answers clicks). */
export const FLOOR_INTERACTIVE_MARK = "floor:interactive";

/** The floor's route handler: the least a Next route can do per request (a 304 on a matching If-None-Match). */
export const FLOOR_ROUTE_PATH = "/api/floor";
export const FLOOR_ROUTE_ETAG = '"floor"';

/**
 * The framework's floor: the smallest App Router app that still does what every page of ours does (a root layout,
 * a server component page with some text, one small client component that hydrates), built with this checkout's
 * own next/react/react-dom, plus one trivial route handler. Plain .jsx, so nothing but those three packages is involved.
 */
const FLOOR_FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "healthdeck-floor", private: true }),
  // Turbopack compiles only files under its root; node_modules is a symlink into this checkout.
  "next.config.js": `module.exports = { poweredByHeader: false, turbopack: { root: "/" } };\n`,
  "app/layout.jsx": `export const metadata = { title: "Floor" };
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "0 1rem" }}>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `import { Counter } from "./counter";
export const dynamic = "force-dynamic";
export default function Page() {
  return (
    <main>
      <h1>Floor page</h1>
      <p>One server component, one small client component, the project's own next and react; rendered at ${"{"}new Date().toISOString()${"}"}.</p>
      <Counter />
    </main>
  );
}
`,
  "app/api/floor/route.js": `export const dynamic = "force-dynamic";
export function GET(request) {
  const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache", ETag: ${JSON.stringify(FLOOR_ROUTE_ETAG)} };
  if (request.headers.get("if-none-match") === ${JSON.stringify(FLOOR_ROUTE_ETAG)}) return new Response(null, { status: 304, headers });
  return new Response('{"floor":true}', { status: 200, headers });
}
`,
  "app/counter.jsx": `"use client";
import { useEffect, useState } from "react";
export function Counter() {
  const [count, setCount] = useState(0);
  useEffect(() => performance.mark("${FLOOR_INTERACTIVE_MARK}"), []);
  return <button type="button" onClick={() => setCount(count + 1)}>Clicked {count} times</button>;
}
`,
};

/** Builds the floor app in a temp dir (node_modules is a symlink to this checkout's) and serves it with `next start`. */
export async function startFloorApp(cleanup: CleanupStack, label: string): Promise<FloorApp> {
  const dir = mkdtempSync(path.join(tmpdir(), "healthdeck-floor-"));
  cleanup.add("floor dir", () => rmSync(dir, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(FLOOR_FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  mkdirSync(REPORTS_DIR, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const buildLog = path.join(REPORTS_DIR, `bench-floor-build-${label}.log`);
  writeFileSync(buildLog, "");
  const started = performance.now();
  const build = spawnTracked("next build (floor)", process.execPath, [NEXT_BIN, "build"], { cwd: dir, env, logPath: buildLog });
  cleanup.add("floor build", () => build.stop());
  const code = await waitForExit(build, 4 * 60_000);
  if (code !== 0) throw new Error(`floor next build failed (exit ${code}):\n${build.logTail(30)}`);
  const buildMs = performance.now() - started;

  const port = await findFreePort(APP_PORT_RANGE);
  const logPath = path.join(REPORTS_DIR, `bench-floor-${label}.log`);
  writeFileSync(logPath, "");
  const server = spawnTracked("next start (floor)", process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: dir, env, logPath });
  cleanup.add("floor app", () => server.stop());
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (!server.isAlive()) throw new Error(`floor next start exited:\n${server.logTail()}`);
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { url, buildMs };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`floor next start was not ready within 30 s:\n${server.logTail()}`);
}
