// `npm run demo`: install if needed, build if needed, start the AWS simulator and Healthdeck against it.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { needsBuild, runOrExit, spawnChild, waitForHttp } from "./process-helpers.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };

if (!existsSync(path.join(root, "node_modules", ".bin", "next"))) {
  console.log("Installing dependencies (npm ci, about 2 minutes the first time)…");
  runOrExit("npm", ["ci", "--no-audit", "--no-fund"], { env });
}
if (needsBuild(root)) {
  console.log("Building the production app…");
  runOrExit("npx", ["next", "build"], { env });
}

const host = process.env.HEALTHDECK_HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const simulatorPort = process.env.HEALTHDECK_DEMO_SIMULATOR_PORT ?? "4010";
const stepSeconds = process.env.HEALTHDECK_DEMO_STEP_SECONDS ?? "20";
const healthPort = String(Number(simulatorPort) + 1);
const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
// The demo starts from a clean slate each time so the scenario's story reads from the beginning.
const dataDir = path.join(root, "data", "demo");
rmSync(dataDir, { recursive: true, force: true });
// Notifications go to the simulator's built-in inbox (a fake Slack and webhook receiver): no account anywhere.
const inboxUrl = `${simulatorUrl}/__inbox`;
const notifyFile = path.join(dataDir, "demo-notify.yaml");
mkdirSync(dataDir, { recursive: true });
writeFileSync(
  notifyFile,
  [
    "# The demo's notifications: both channels point at the simulator's local inbox, not at Slack or anyone.",
    "channels:",
    "  - id: demo-slack",
    "    type: slack",
    `    url: ${inboxUrl}/slack/services/DEMO/DEMO/not-a-real-slack-webhook`,
    "    security: true",
    "  - id: demo-webhook",
    "    type: webhook",
    `    url: ${inboxUrl}/webhook`,
    `    secret: whsec_${Buffer.from("healthdeck-demo-secret-not-real!").toString("base64")}`,
    "rules:",
    "  - channels: [demo-slack, demo-webhook]",
    "",
  ].join("\n"),
);

const simulator = spawnChild(
  process.execPath,
  ["--import", "tsx", "scripts/run-simulator.ts", "--port", simulatorPort, "--scenario", "demo-incident", "--step-every", stepSeconds, "--health-port", healthPort],
  { env },
);
const children = [simulator];
const stopAll = () => {
  for (const child of children) child.stop();
};
process.on("SIGINT", stopAll);
process.on("SIGTERM", stopAll);

try {
  await waitForHttp(`${simulatorUrl}/__sim/state`, 30_000, simulator.isAlive);
  const app = spawnChild("npx", ["next", "start", "-H", host, "-p", port], {
    env: {
      ...env,
      HEALTHDECK_SIMULATED: "true",
      HEALTHDECK_DATA_DIR: dataDir,
      HEALTHDECK_PUBLIC_EVENTS_URL: `${simulatorUrl}/public/currentevents`,
      HEALTHDECK_PUBLIC_RSS_BASE_URL: `${simulatorUrl}/rss/`,
      HEALTHDECK_CATALOG_URL: `${simulatorUrl}/services.json`,
      HEALTHDECK_PUBLIC_POLL_SECONDS: process.env.HEALTHDECK_PUBLIC_POLL_SECONDS ?? "5",
      HEALTHDECK_RSS_POLL_SECONDS: process.env.HEALTHDECK_RSS_POLL_SECONDS ?? "10",
      HEALTHDECK_ACCOUNT_POLL_SECONDS: process.env.HEALTHDECK_ACCOUNT_POLL_SECONDS ?? "5",
      // The simulator's fake Health API; these keys are accepted by it and by nothing else.
      AWS_ENDPOINT_URL_HEALTH: `http://127.0.0.1:${healthPort}`,
      // The exposed-key response (CloudTrail, IAM, EC2, STS) is simulated on the same listener.
      AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${healthPort}`,
      AWS_ENDPOINT_URL_CLOUDTRAIL: `http://127.0.0.1:${healthPort}/cloudtrail`,
      AWS_ENDPOINT_URL_IAM: `http://127.0.0.1:${healthPort}/iam`,
      AWS_ENDPOINT_URL_EC2: `http://127.0.0.1:${healthPort}/ec2`,
      AWS_ACCESS_KEY_ID: "AKIDSIMULATOR",
      AWS_SECRET_ACCESS_KEY: "simulator-secret-access-key",
      AWS_REGION: "us-east-1",
      HEALTHDECK_ACCOUNT_ID: "123456789012",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      HEALTHDECK_NOTIFY_CONFIG: process.env.HEALTHDECK_NOTIFY_CONFIG ?? notifyFile,
      HEALTHDECK_PUBLIC_URL: process.env.HEALTHDECK_PUBLIC_URL ?? `http://${host}:${port}`,
    },
  });
  children.push(app);
  app.child.on("exit", (code) => {
    stopAll();
    process.exit(code ?? 0);
  });
  await waitForHttp(`http://${host}:${port}/api/v1/health`, 60_000, app.isAlive);
  console.log(`\n  Healthdeck demo — SIMULATED AWS data (built-in simulator: public status ${simulatorUrl}, Health API http://127.0.0.1:${healthPort})`);
  console.log(`  Open http://${host}:${port}/   (Ctrl+C stops both)`);
  console.log(`  Notifications: http://${host}:${port}/notifications — they go to the demo's local inbox ${inboxUrl} (a fake Slack/webhook receiver, SIMULATED)\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll();
  process.exit(1);
}
