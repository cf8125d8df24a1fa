import type { Logger } from "@/lib/server/logging/create-logger";
import type { Coordinator, StoreEngine } from "@/lib/server/store/contract/store-contract";
import { createLeaderElection } from "@/lib/server/store/postgres/leader-election";
import { withLibpqSslModes } from "@/lib/server/store/postgres/libpq-connection-string";
import { openPostgresEngine } from "@/lib/server/store/postgres/open-postgres-engine";

export interface ReplicatedEngineOptions {
  connectionString: string;
  poolSize: number;
  leaderRetryMs: number;
  /** false: this replica serves but never stands for leader (and so never polls) */
  canLead: boolean;
  logger?: Logger;
}

const NEVER_LEADS: Coordinator = { role: "follower", onRoleChange: () => () => {} };

/**
 * PostgreSQL as several replicas use it: the engine (schema migrated once, commits heard from every replica) plus
 * the leader election that decides who polls, and fences every poller write with the leader's term.
 */
export async function openReplicatedEngine(settings: ReplicatedEngineOptions): Promise<StoreEngine> {
  const options = { ...settings, connectionString: withLibpqSslModes(settings.connectionString) };
  if (!options.canLead) {
    return openPostgresEngine({ connectionString: options.connectionString, poolSize: options.poolSize, logger: options.logger, coordinator: NEVER_LEADS });
  }
  const election = createLeaderElection({
    connectionString: options.connectionString,
    retryMs: options.leaderRetryMs,
    checkMs: Math.min(2_000, Math.max(250, options.leaderRetryMs / 2)),
    queryTimeoutMs: Math.min(2_000, Math.max(500, options.leaderRetryMs)),
    logger: options.logger,
  });
  const engine = await openPostgresEngine({
    connectionString: options.connectionString,
    poolSize: options.poolSize,
    logger: options.logger,
    coordinator: election,
    fence: (client) => election.assertLeader(client),
  });
  await election.start();
  return {
    ...engine,
    kind: engine.kind,
    repos: engine.repos,
    coordinator: election,
    transaction: (work, transactionOptions) => engine.transaction(work, transactionOptions),
    onCommit: (listener) => engine.onCommit(listener),
    ping: () => engine.ping(),
    async close() {
      await election.stop();
      await engine.close();
    },
  };
}
