import { createHash } from "node:crypto";
import type pg from "pg";

/** What a repository queries through: the pool (autocommit reads) or the client of one transaction. */
export type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

const names = new Map<string, string>();
const MAX_NAMED = 500;
const SELECT_ALL = /SELECT\s+(\w+\.)?\*\s+FROM\s+(?!unnest)/i;

/**
 * A named (server-side prepared) statement: parsed and planned once per connection instead of on every call, which
 * is most of a small query's cost. Texts are the repositories' own SQL with placeholders, so they are few; past
 * MAX_NAMED (a sign of texts built per call) statements are sent unnamed.
 */
function prepared(text: string, values: readonly unknown[], rowMode?: "array"): pg.QueryConfig {
  // A prepared `SELECT *` fails ("cached plan must not change result type") once a newer replica adds a column.
  if (SELECT_ALL.test(text)) return { text, values: [...values], ...(rowMode ? { rowMode } : {}) };
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `hd_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    names.set(text, name);
  }
  return { ...(name === undefined ? {} : { name }), text, values: [...values], ...(rowMode ? { rowMode } : {}) };
}

/** Rows of one statement, as objects. */
export async function selectRows<R extends pg.QueryResultRow>(db: Queryable, text: string, values: readonly unknown[] = []): Promise<R[]> {
  const result = await db.query<R>(prepared(text, values));
  return result.rows;
}

/** The first row of one statement, or null. */
export async function selectRow<R extends pg.QueryResultRow>(db: Queryable, text: string, values: readonly unknown[] = []): Promise<R | null> {
  return (await selectRows<R>(db, text, values))[0] ?? null;
}

/** Rows of one statement as arrays (no per-row object), for large pages. */
export async function selectArrays<R extends unknown[]>(db: Queryable, text: string, values: readonly unknown[] = []): Promise<R[]> {
  const result = await db.query<R>(prepared(text, values, "array"));
  return result.rows;
}

/** Runs one write; returns the rows it affected. */
export async function execute(db: Queryable, text: string, values: readonly unknown[] = []): Promise<number> {
  const result = await db.query(prepared(text, values));
  return result.rowCount ?? 0;
}
