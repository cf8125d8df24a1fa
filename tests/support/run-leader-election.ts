// A replica stand-in for tests that kill a leader process: node --import tsx run-leader-election.ts <url> <retryMs>
// Prints "role <role>" on start and on every change.
import { createLeaderElection } from "@/lib/server/store/postgres/leader-election";

const [connectionString, retryMs = "500"] = process.argv.slice(2);
if (connectionString === undefined) throw new Error("usage: run-leader-election.ts <connection-string> [retryMs]");

const election = createLeaderElection({ connectionString, retryMs: Number(retryMs), checkMs: 250, queryTimeoutMs: 1_000, applicationName: "healthdeck-leader-child" });
election.onRoleChange((role) => process.stdout.write(`role ${role}\n`));
process.once("SIGTERM", () => void election.stop().then(() => process.exit(0)));
void election.start().then(() => process.stdout.write(`role ${election.role}\n`));
