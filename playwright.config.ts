import { defineConfig } from "@playwright/test";

/** Parallel checkouts on one machine run their e2e apart: HEALTHDECK_E2E_PORT_OFFSET shifts every fixed port. */
export const E2E_PORT_OFFSET = Number(process.env.HEALTHDECK_E2E_PORT_OFFSET ?? 0);
const APP_PORT = 3100 + E2E_PORT_OFFSET;
const SIMULATOR_PORT = 4100 + E2E_PORT_OFFSET;
export const SIMULATOR_URL = `http://127.0.0.1:${SIMULATOR_PORT}`;

/** The app's settings in e2e: every upstream is the simulator. Specs that start an app of their own use them too. */
export function e2eAppEnvironment(dataDir: string): Record<string, string> {
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    HEALTHDECK_SIMULATED: "true",
    HEALTHDECK_DATA_DIR: dataDir,
    HEALTHDECK_PUBLIC_EVENTS_URL: `${SIMULATOR_URL}/public/currentevents`,
    HEALTHDECK_PUBLIC_RSS_BASE_URL: `${SIMULATOR_URL}/rss/`,
    HEALTHDECK_CATALOG_URL: `${SIMULATOR_URL}/services.json`,
    HEALTHDECK_PUBLIC_POLL_SECONDS: "1",
    HEALTHDECK_RSS_POLL_SECONDS: "2",
    HEALTHDECK_HTTP_TIMEOUT_SECONDS: "2",
    HEALTHDECK_HTTP_RETRIES: "0",
    HEALTHDECK_ACCOUNT_POLL_SECONDS: "1",
    HEALTHDECK_INGEST_TOKEN: "e2e-ingest-token-0123456789",
    AWS_ENDPOINT_URL_HEALTH: `http://127.0.0.1:${SIMULATOR_PORT + 1}`,
    // The exposed-key response's CloudTrail, IAM, EC2 and STS: the simulator too, never AWS.
    AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${SIMULATOR_PORT + 1}`,
    AWS_ENDPOINT_URL_CLOUDTRAIL: `http://127.0.0.1:${SIMULATOR_PORT + 1}/cloudtrail`,
    AWS_ENDPOINT_URL_IAM: `http://127.0.0.1:${SIMULATOR_PORT + 1}/iam`,
    AWS_ENDPOINT_URL_EC2: `http://127.0.0.1:${SIMULATOR_PORT + 1}/ec2`,
    AWS_ACCESS_KEY_ID: "AKIDSIMULATOR",
    AWS_SECRET_ACCESS_KEY: "simulator-secret-access-key",
    AWS_REGION: "us-east-1",
    HEALTHDECK_ACCOUNT_ID: "123456789012",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `node --import tsx scripts/run-simulator.ts --port ${SIMULATOR_PORT} --scenario e2e-board --health-port ${SIMULATOR_PORT + 1}`,
      url: `${SIMULATOR_URL}/__sim/state`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
    },
    {
      command: `rm -rf reports/e2e-data && npx next start -H 127.0.0.1 -p ${APP_PORT}`,
      url: `http://127.0.0.1:${APP_PORT}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: e2eAppEnvironment("reports/e2e-data"),
    },
  ],
});
