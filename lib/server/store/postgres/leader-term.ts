import type pg from "pg";

/** The session advisory lock every replica competes for; fixed, so all versions of Healthdeck agree. */
export const LEADER_LOCK_KEY = "7226441839175640064";

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS healthdeck_leader (
  id int PRIMARY KEY CHECK (id = 1),
  term bigint NOT NULL,
  holder text NOT NULL,
  acquired_at timestamptz NOT NULL
)`;

const CLAIM_TERM = `INSERT INTO healthdeck_leader (id, term, holder, acquired_at) VALUES (1, 1, $1, now())
ON CONFLICT (id) DO UPDATE SET term = healthdeck_leader.term + 1, holder = EXCLUDED.holder, acquired_at = EXCLUDED.acquired_at
RETURNING term::text AS term`;

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
  const waitMs = Math.max(1, Math.floor(fenceWaitMs));
  await client.query("BEGIN");
  await client.query(`SET LOCAL statement_timeout = ${waitMs}`);
  // pg honours a per-query `query_timeout` (its types omit it): this one may wait longer than the connection's.
  const claim: pg.QueryConfig<string[]> & { query_timeout: number } = { text: CLAIM_TERM, values: [holder], query_timeout: waitMs + queryTimeoutMs };
  const { rows } = await client.query<{ term: string }>(claim);
  await client.query("COMMIT");
  const term = rows[0]?.term;
  if (term === undefined) throw new Error("claiming the leader term returned no row");
  return term;
}

/** The current term, or null before any leader claimed one. */
export async function readLeaderTerm(client: pg.ClientBase, options: { forShare: boolean }): Promise<string | null> {
  const lock = options.forShare ? " FOR SHARE" : "";
  const { rows } = await client.query<{ term: string }>(`SELECT term::text AS term FROM healthdeck_leader WHERE id = 1${lock}`);
  return rows[0]?.term ?? null;
}
