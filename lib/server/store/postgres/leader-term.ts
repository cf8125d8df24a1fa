import type pg from "pg";

/** The session advisory lock every replica competes for; fixed, so all versions of Healthdeck agree. */
export const LEADER_LOCK_KEY = "7226441839175640064";

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS healthdeck_leader (
  id int PRIMARY KEY CHECK (id = 1),
  term bigint NOT NULL,
  holder text NOT NULL,
  acquired_at timestamptz NOT NULL
)`;

// The lease of older Healthdeck versions, on the fenced row itself; still written for them during a rolling upgrade.
const ADD_LEGACY_LEASE = `ALTER TABLE healthdeck_leader ADD COLUMN IF NOT EXISTS heartbeat_at timestamptz, ADD COLUMN IF NOT EXISTS holder_pid int`;

// The lease in a row of its own: renewing it on the term row would wait for every fenced transaction holding that row.
const CREATE_LEASE_TABLE = `CREATE TABLE IF NOT EXISTS healthdeck_leader_lease (
  id int PRIMARY KEY CHECK (id = 1),
  term bigint NOT NULL,
  heartbeat_at timestamptz NOT NULL,
  holder_pid int NOT NULL
)`;

const CLAIM_TERM = `INSERT INTO healthdeck_leader (id, term, holder, acquired_at, heartbeat_at, holder_pid) VALUES (1, 1, $1, now(), now(), pg_backend_pid())
ON CONFLICT (id) DO UPDATE SET term = healthdeck_leader.term + 1, holder = EXCLUDED.holder, acquired_at = EXCLUDED.acquired_at,
  heartbeat_at = EXCLUDED.heartbeat_at, holder_pid = EXCLUDED.holder_pid
RETURNING term::text AS term`;

const CLAIM_LEASE = `INSERT INTO healthdeck_leader_lease (id, term, heartbeat_at, holder_pid) VALUES (1, $1::bigint, now(), pg_backend_pid())
ON CONFLICT (id) DO UPDATE SET term = EXCLUDED.term, heartbeat_at = EXCLUDED.heartbeat_at, holder_pid = EXCLUDED.holder_pid`;

// A plain read of the term row takes no lock. The legacy column is renewed only when no fenced transaction holds the
// row (SKIP LOCKED), so the renewal never waits; an older replica may then see it a little late, never a term wrong.
const RENEW_LEASE = `WITH lease AS (
  UPDATE healthdeck_leader_lease SET heartbeat_at = now()
  WHERE id = 1 AND term = $1::bigint AND term = (SELECT term FROM healthdeck_leader WHERE id = 1)
  RETURNING id
), legacy AS (
  UPDATE healthdeck_leader SET heartbeat_at = now()
  WHERE id IN (SELECT id FROM healthdeck_leader WHERE id = 1 AND term = $1::bigint FOR NO KEY UPDATE SKIP LOCKED) AND EXISTS (SELECT 1 FROM lease)
)
SELECT count(*)::int AS renewed FROM lease`;

/** Terminates the backend `holderPid` names if it holds the leader lock and `heartbeat` is older than $3 ms. */
const removeStaleHolder = (lease: { join: string; holderPid: string; heartbeat: string }) => `SELECT pg_terminate_backend(lock.pid) AS removed
FROM healthdeck_leader leader ${lease.join}
JOIN pg_locks lock ON lock.pid = ${lease.holderPid} AND lock.locktype = 'advisory' AND lock.granted
  AND lock.classid = $1::oid AND lock.objid = $2::oid AND lock.objsubid = 1
WHERE leader.id = 1 AND ${lease.heartbeat} < now() - make_interval(secs => $3::double precision / 1000)`;

// The lease row counts only when it belongs to the current term (an older replica claims terms without it).
const STALE_HOLDER_FROM_LEASE = removeStaleHolder({
  join: "LEFT JOIN healthdeck_leader_lease lease ON lease.id = 1 AND lease.term = leader.term",
  holderPid: "COALESCE(lease.holder_pid, leader.holder_pid)",
  heartbeat: "GREATEST(lease.heartbeat_at, leader.heartbeat_at)",
});

// Before any current replica led there is no lease table, and only the legacy heartbeat to go by.
const STALE_HOLDER_LEGACY = removeStaleHolder({ join: "", holderPid: "leader.holder_pid", heartbeat: "leader.heartbeat_at" });

// pg_locks shows a bigint advisory key as its high and low 32 bits (classid, objid), with objsubid 1.
const LOCK_KEY = BigInt(LEADER_LOCK_KEY);
const LOCK_HIGH = String(LOCK_KEY >> 32n);
const LOCK_LOW = String(LOCK_KEY & 0xffffffffn);

/**
 * A leader that stopped renewing its lease (a hung process keeps its connection, and so the lock, alive) is
 * removed: its backend is terminated, which releases the lock, but only if that backend still holds the lock and
 * the lease is older than `staleMs`. Returns whether one was removed. Needs the same database role as the replicas.
 */
export async function removeStaleLeader(client: pg.Client, staleMs: number): Promise<boolean> {
  const lease = await client.query<{ exists: boolean }>("SELECT to_regclass('healthdeck_leader_lease') IS NOT NULL AS exists");
  const sql = lease.rows[0]?.exists === true ? STALE_HOLDER_FROM_LEASE : STALE_HOLDER_LEGACY;
  const { rows } = await client.query<{ removed: boolean }>(sql, [LOCK_HIGH, LOCK_LOW, staleMs]);
  return rows[0]?.removed === true;
}

/** The leader's lease: renewed at every check, never waiting on fenced transactions; false when the term is no longer ours. */
export async function renewLease(client: pg.Client, term: string): Promise<boolean> {
  const { rows } = await client.query<{ renewed: number }>(RENEW_LEASE, [term]);
  return rows[0]?.renewed === 1;
}

/**
 * A partitioned leader demotes itself, but its backend keeps the lock until the server sees the peer is
 * gone; server-side keepalives on this session bound that to about half a minute instead of hours.
 */
export async function shortenDeadPeerDetection(client: pg.Client): Promise<void> {
  await client.query("SELECT set_config('tcp_keepalives_idle', '10', false), set_config('tcp_keepalives_interval', '5', false), set_config('tcp_keepalives_count', '3', false)");
}

export async function tryLeaderLock(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [LEADER_LOCK_KEY]);
  return rows[0]?.locked === true;
}

/**
 * Run while holding the lock, so only one replica at a time creates the table and bumps the term. The
 * UPDATE waits for the old leader's fenced transactions (they hold the row FOR SHARE) for at most
 * `fenceWaitMs`; after it, the old leader's next fenced transaction sees a newer term and fails.
 */
export async function claimLeaderTerm(client: pg.Client, holder: string, fenceWaitMs: number, queryTimeoutMs: number): Promise<string> {
  await client.query(CREATE_TABLE);
  await client.query(ADD_LEGACY_LEASE);
  await client.query(CREATE_LEASE_TABLE);
  const waitMs = Math.max(1, Math.floor(fenceWaitMs));
  await client.query("BEGIN");
  await client.query(`SET LOCAL statement_timeout = ${waitMs}`);
  // pg honours a per-query `query_timeout` (its types omit it): this one may wait longer than the connection's.
  const claim: pg.QueryConfig<string[]> & { query_timeout: number } = { text: CLAIM_TERM, values: [holder], query_timeout: waitMs + queryTimeoutMs };
  const { rows } = await client.query<{ term: string }>(claim);
  const term = rows[0]?.term;
  if (term === undefined) throw new Error("claiming the leader term returned no row");
  await client.query(CLAIM_LEASE, [term]);
  await client.query("COMMIT");
  return term;
}

/** The current term, or null before any leader claimed one. */
export async function readLeaderTerm(client: pg.ClientBase, options: { forShare: boolean }): Promise<string | null> {
  const lock = options.forShare ? " FOR SHARE" : "";
  const { rows } = await client.query<{ term: string }>(`SELECT term::text AS term FROM healthdeck_leader WHERE id = 1${lock}`);
  return rows[0]?.term ?? null;
}
