// `npm start`: serve the production build on PORT (default 3000) and HEALTHDECK_HOST (default 127.0.0.1).
import { spawn } from "node:child_process";

const host = process.env.HEALTHDECK_HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const child = spawn("npx", ["next", "start", "-H", host, "-p", port], {
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
