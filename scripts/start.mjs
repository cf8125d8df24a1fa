// `npm start`: serve the production build on PORT (default 3000) and HEALTHDECK_HOST (default 127.0.0.1).
import { spawnChild } from "./process-helpers.mjs";

const host = process.env.HEALTHDECK_HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const app = spawnChild("npx", ["next", "start", "-H", host, "-p", port], {
  env: { NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...process.env },
});
// A service manager signals this process only; the server behind npx must get the signal too.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => app.stop(signal));
app.child.on("exit", (code) => process.exit(code ?? 0));
