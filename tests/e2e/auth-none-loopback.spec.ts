import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E_PORT_OFFSET, e2eAppEnvironment } from "../../playwright.config";

const PORT = 3106 + E2E_PORT_OFFSET;

/** The production build itself, started as an operator would: `none` off loopback stops with what to set. */
test("HEALTHDECK_AUTH=none refuses to start on every interface, saying what to set", async () => {
  const child = spawn("node_modules/.bin/next", ["start", "-H", "0.0.0.0", "-p", String(PORT)], {
    env: { ...process.env, ...e2eAppEnvironment("reports/e2e-none-refused-data") },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 45_000);
    child.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code).toBe(1);
  expect(stderr).toContain("HEALTHDECK_AUTH=none");
  expect(stderr).toContain("HEALTHDECK_AUTH=oidc");
  expect(stderr).toContain("HEALTHDECK_HOST=127.0.0.1");
});
