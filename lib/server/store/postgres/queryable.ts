import type pg from "pg";

/** What a repository queries through: the pool (autocommit reads) or the client of one transaction. */
export type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

/** Rows of one statement, as objects. */
export async function selectRows<R extends pg.QueryResultRow>(db: Queryable, text: string, values: readonly unknown[] = []): Promise<R[]> {
  const result = await db.query<R>(text, [...values]);
  return result.rows;
}

/** The first row of one statement, or null. */
export async function selectRow<R extends pg.QueryResultRow>(db: Queryable, text: string, values: readonly unknown[] = []): Promise<R | null> {
  return (await selectRows<R>(db, text, values))[0] ?? null;
}

/** Rows of one statement as arrays (no per-row object), for large pages. */
export async function selectArrays<R extends unknown[]>(db: Queryable, text: string, values: readonly unknown[] = []): Promise<R[]> {
  const result = await db.query<R>({ text, values: [...values], rowMode: "array" });
  return result.rows;
}

/** Runs one write; returns the rows it affected. */
export async function execute(db: Queryable, text: string, values: readonly unknown[] = []): Promise<number> {
  const result = await db.query(text, [...values]);
  return result.rowCount ?? 0;
}
