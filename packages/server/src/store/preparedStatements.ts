// PostgreSQL parses and plans every statement it is sent unnamed; for small, frequent statements
// that is as much work as running them (the check-in batch's statements spent 1.2 s planning and
// 1.2 s executing in a 6 s run, pg_stat_statements). The statements compiled once (compiledOnce)
// are the frequent ones, and their text never changes, so they are sent as named prepared
// statements: each connection parses one once, and PostgreSQL may keep a generic plan for it. Only
// those are named, so the statements a connection holds stay few.
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const names = new Map<string, string>();

/** Marks a statement's text to be sent as a named prepared statement on PostgreSQL. */
export function prepareOnPostgres(text: string): void {
  if (!names.has(text)) names.set(text, `varde_${names.size + 1}`);
}

/** The pool as Kysely sees it, sending marked statements by name. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((textOrCursor: unknown, values?: unknown[]) => {
      const name = typeof textOrCursor === 'string' ? names.get(textOrCursor) : undefined;
      return name
        ? client.query({ name, text: textOrCursor as string, values })
        : (client.query as (a: unknown, b?: unknown) => unknown)(textOrCursor, values);
    }) as PostgresPoolClient['query'],
    release: (destroy) => client.release(destroy),
  });
  return {
    // Kysely keeps a connection per client object, so each pooled client keeps one wrapper.
    connect: async () => {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) { w = wrap(client); wrapped.set(client, w); }
      return w;
    },
    end: () => pool.end(),
  };
}
