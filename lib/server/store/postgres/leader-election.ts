import { hostname } from "node:os";
import type pg from "pg";
import { silentLogger, type Logger } from "@/lib/server/logging/create-logger";
import { FencedWriteError, type Coordinator, type ReplicaRole } from "@/lib/server/store/contract/store-contract";
import { closeClient, connectDedicatedClient, destroyClient, reconnectDelay } from "@/lib/server/store/postgres/dedicated-client";
import { claimLeaderTerm, readLeaderTerm, removeStaleLeader, renewLease, shortenDeadPeerDetection, tryLeaderLock } from "@/lib/server/store/postgres/leader-term";

export interface LeaderElectionOptions {
  connectionString: string;
  ssl?: pg.ClientConfig["ssl"];
  /** How often a follower tries the lock: the takeover time after a leader dies. Default 5 s. */
  retryMs?: number;
  /** How often the leader checks its connection and term. Default 2 s. */
  checkMs?: number;
  /**
   * Bound on connecting and on each query. A leader whose lease renewal times out tries once more at once, and
   * demotes itself when that one times out too (a starved CPU can read a prompt answer late). Default 2 s.
   */
  queryTimeoutMs?: number;
  /** How long a new leader waits for the old leader's in-flight fenced transactions. Default 30 s. */
  fenceWaitMs?: number;
  applicationName?: string;
  /** Stored in healthdeck_leader.holder, for operators. Default host:pid. */
  holder?: string;
  logger?: Logger;
}

export interface LeaderElection extends Coordinator {
  readonly role: "leader" | "follower";
  /** Resolves after the first attempt (leader or not); never rejects: failures are retried in the background. */
  start(): Promise<void>;
  /** Demotes, closes the connection (the server releases the lock) and stops retrying. */
  stop(): Promise<void>;
  /**
   * Call inside another connection's open transaction before COMMIT: throws FencedWriteError unless this
   * process leads under the current term. The row stays locked FOR SHARE until that transaction ends, so a
   * successor's term bump waits for it.
   */
  assertLeader(client: pg.ClientBase): Promise<void>;
}

/** Exactly one leader among replicas: the holder of a session advisory lock on a dedicated connection. */
export function createLeaderElection(options: LeaderElectionOptions): LeaderElection {
  const retryMs = options.retryMs ?? 5_000;
  const checkMs = options.checkMs ?? 2_000;
  const queryTimeoutMs = options.queryTimeoutMs ?? 2_000;
  const fenceWaitMs = options.fenceWaitMs ?? 30_000;
  // Well past the leader's renewal period (checkMs) plus two slow renewals (a timed-out one and its retry), after
  // which it has demoted itself, and never below two retries.
  const staleMs = Math.max(3 * checkMs + 2 * queryTimeoutMs, 2 * retryMs);
  const holder = options.holder ?? `${hostname()}:${process.pid}`;
  const logger = options.logger ?? silentLogger;
  const listeners = new Set<(role: ReplicaRole) => void>();
  let role: "leader" | "follower" = "follower";
  let term: string | null = null;
  let client: pg.Client | null = null;
  let failures = 0;
  let isRunning = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | null = null;
  let holdOffUntil = 0;
  let failedRenewals = 0;

  // Listeners hear a demotion synchronously, so the poller stops before it could start another write.
  const setRole = (next: "leader" | "follower", nextTerm: string | null) => {
    term = nextTerm;
    failedRenewals = 0;
    if (role === next) return;
    role = next;
    logger.info(next === "leader" ? "elected leader" : "no longer leader", { term: nextTerm });
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch (error) {
        logger.error("role listener threw", { error: String(error) });
      }
    }
  };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (isRunning) timer = setTimeout(() => void runTick(), ms);
  };

  const loseConnection = (lost: pg.Client, reason: string) => {
    if (client !== lost) return;
    client = null;
    const wasLeader = role === "leader";
    setRole("follower", null);
    destroyClient(lost);
    failures += 1;
    if (wasLeader) {
      logger.warn("leader connection lost", { reason });
      // Sit out more than one retry period, so a follower (with a working link) takes over first.
      holdOffUntil = Date.now() + retryMs * 1.5;
    }
    if (ticking === null) schedule(reconnectDelay(failures, retryMs));
  };

  /** One step of the loop; returns the delay before the next. */
  const tick = async (): Promise<number> => {
    if (client === null) {
      const connection = { connectionString: options.connectionString, ssl: options.ssl, applicationName: options.applicationName ?? "healthdeck-leader", queryTimeoutMs };
      try {
        const opened = await connectDedicatedClient(connection, loseConnection);
        if (!isRunning) {
          await closeClient(opened, queryTimeoutMs);
          return retryMs;
        }
        client = opened;
        await shortenDeadPeerDetection(opened);
        failures = 0;
      } catch (error) {
        if (client !== null) loseConnection(client, String(error));
        else failures += 1;
        logger.warn("leader election cannot connect", { error: String(error) });
        return reconnectDelay(failures, retryMs);
      }
    }
    const current = client;
    try {
      if (role === "follower") {
        const holdOffMs = holdOffUntil - Date.now();
        if (holdOffMs > 0) return holdOffMs;
        if (!(await tryLeaderLock(current))) {
          // A hung leader (its process stopped, its connection alive) holds the lock but renews no lease.
          if (await removeStaleLeader(current, staleMs)) {
            logger.warn("removed a leader whose lease expired", { staleMs });
            return 50;
          }
          return retryMs;
        }
        const claimed = await claimLeaderTerm(current, holder, fenceWaitMs, queryTimeoutMs);
        if (client === current && isRunning) setRole("leader", claimed);
        return checkMs;
      }
      if (term === null) throw new Error("leader without a term");
      let isRenewed: boolean;
      try {
        isRenewed = await renewLease(current, term);
      } catch (error) {
        // The lease stays fresh for staleMs, well past a second try: one late answer is not yet a lost connection.
        failedRenewals += 1;
        if (failedRenewals > 1 || client !== current) throw error;
        logger.warn("leader lease renewal failed; trying once more before stepping down", { error: String(error) });
        return 0;
      }
      failedRenewals = 0;
      // A different term while we hold the lock means a second lock holder (a transaction-mode pooler?).
      if (!isRenewed) throw new Error("leader term changed under us");
      return checkMs;
    } catch (error) {
      loseConnection(current, String(error));
      return reconnectDelay(failures, retryMs);
    }
  };

  const runTick = async () => {
    if (ticking !== null || !isRunning) return;
    let next = retryMs;
    ticking = tick().then(
      (ms) => void (next = ms),
      (error: unknown) => logger.error("leader election step failed", { error: String(error) }),
    );
    await ticking;
    ticking = null;
    schedule(next);
  };

  return {
    get role() {
      return role;
    },
    onRoleChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async start() {
      if (isRunning) return;
      isRunning = true;
      await runTick();
    },
    async stop() {
      isRunning = false;
      clearTimeout(timer);
      const last = client;
      client = null;
      setRole("follower", null);
      // Closing first also ends a step that waits on this connection (a term claim can wait long).
      if (last !== null) await closeClient(last, queryTimeoutMs);
      await ticking;
    },
    async assertLeader(tx) {
      const expected = term;
      if (role !== "leader" || expected === null) throw new FencedWriteError();
      const current = await readLeaderTerm(tx, { forShare: true });
      if (current !== expected || term !== expected) throw new FencedWriteError();
    },
  };
}
