/**
 * A real process that runs the notifications dispatcher on a SQLite data dir, so a test can SIGKILL it mid-burst:
 *   node --import tsx tests/support/notify-dispatch-child.ts <data dir> <notify file>
 * Environment: NOTIFY_LEASE_MS (the claim lease) and the `${NAME}` references of the notify file.
 */
import { createLogger } from "@/lib/server/logging/create-logger";
import { loadNotifyConfig } from "@/lib/server/outputs/config/load-notify-config";
import { createDispatcher } from "@/lib/server/outputs/delivery/create-dispatcher";
import { createHealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { openSqliteEngine } from "@/lib/server/store/sqlite/open-sqlite-engine";

const [dataDir, notifyFile] = process.argv.slice(2);
if (!dataDir || !notifyFile) throw new Error("usage: notify-dispatch-child <data dir> <notify file>");
const store = createHealthdeckStore(openSqliteEngine(dataDir));
const dispatcher = createDispatcher({
  store,
  config: loadNotifyConfig(notifyFile, process.env),
  now: Date.now,
  logger: createLogger({ level: "warn" }),
  intervalMs: 50,
  requestTimeoutMs: 5_000,
  leaseMs: Number(process.env.NOTIFY_LEASE_MS ?? 2_000),
});
const stopping = new AbortController();
process.on("SIGTERM", () => stopping.abort());

async function main(): Promise<void> {
  while (!stopping.signal.aborted) {
    await dispatcher.run(stopping.signal);
    await new Promise((resolve) => setTimeout(resolve, dispatcher.intervalMs));
  }
  await store.close();
}

void main();
