import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { APP_PORT_RANGE, findFreePort } from "@/bench/support/find-free-port";
import { spawnTracked } from "@/bench/support/spawn-tracked";

// A bare node:http server in its own process: the file read once, then the same bytes for every request.
const SERVER_SCRIPT = `
const { createServer } = require("node:http");
const body = require("node:fs").readFileSync(process.argv[1]);
createServer((request, response) => {
  response.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": body.length });
  response.end(body);
}).listen(Number(process.argv[2]), "127.0.0.1", () => console.log("ready"));
`;

/** Serves `body` as a static file from a bare Node http server: the machine's floor for answering with those bytes. */
export async function startStaticServer(cleanup: CleanupStack, body: Uint8Array): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "healthdeck-static-"));
  cleanup.add("static dir", () => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "body.json");
  writeFileSync(file, body);
  const port = await findFreePort(APP_PORT_RANGE);
  const server = spawnTracked("static http server", process.execPath, ["-e", SERVER_SCRIPT, file, String(port)], { env: process.env, captureStdout: true });
  cleanup.add("static http server", () => server.stop());
  const deadline = Date.now() + 10_000;
  while (!server.stdout().includes("ready")) {
    if (!server.isAlive() || Date.now() > deadline) throw new Error("the static http server did not start");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return `http://127.0.0.1:${port}/`;
}
