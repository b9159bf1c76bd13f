// Kysely builds and compiles a query's SQL on every call. For the few statements of the busiest
// write (a check-in) that work cost more than running them on SQLite, so these are built once per
// dialect with a placeholder for each argument, and later calls only put the values in place.
// Only for queries whose shape does not depend on the arguments (no lists of varying length).
// Their text never changes, so PostgreSQL gets them as named prepared statements as well
// (preparedStatements.ts); name the columns they read rather than `*`, or a later migration's
// added column would break the statements connections keep prepared.
import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Db } from './executor.js';
import { prepareOnPostgres } from './preparedStatements.js';

const PLACEHOLDER = '\u0000varde-argument:';

interface Compiled { query: CompiledQuery; slots: Array<string | undefined> }

export function compiledOnce<A extends object, R>(build: (db: Db, args: A) => Compilable<R>): (db: Db, args: A) => Promise<QueryResult<R>> {
  // A transaction shares its database's adapter, so one compilation serves both.
  const byAdapter = new WeakMap<object, Compiled>();
  return async (db, args) => {
    const adapter = db.getExecutor().adapter;
    let compiled = byAdapter.get(adapter);
    if (!compiled) {
      // Each argument reads as its placeholder; asking whether one is there would branch the
      // query's shape on arguments it is built without, so that is a mistake to stop at once.
      const placeholders = new Proxy({}, {
        get: (_target, key) => PLACEHOLDER + String(key),
        has: () => { throw new Error('compiledOnce: a query built once cannot branch on its arguments'); },
      }) as A;
      const query = build(db, placeholders).compile();
      prepareOnPostgres(query.sql);
      const slots = query.parameters.map((p) => (typeof p === 'string' && p.startsWith(PLACEHOLDER) ? p.slice(PLACEHOLDER.length) : undefined));
      compiled = { query, slots };
      byAdapter.set(adapter, compiled);
    }
    const { query, slots } = compiled;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i];
      if (slot === undefined) return p;
      if (!(slot in args)) throw new Error(`compiledOnce: argument ${slot} is missing`);
      return (args as Record<string, unknown>)[slot];
    });
    return db.executeQuery<R>({ ...query, parameters } as CompiledQuery<R>);
  };
}
