// better-sqlite3 compiles a statement on every prepare(), and Kysely prepares each query it runs.
// Keeping the prepared statements of the SQL texts used most recently lets repeated queries (the
// same check-in, the same page) skip SQLite's parser and planner.
import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const MAX_STATEMENTS = 500;

export function withStatementCache(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => { cache.clear(); db.close(); },
    prepare(source: string): SqliteStatement {
      let statement = cache.get(source);
      if (statement) {
        cache.delete(source); // re-inserted below: the first key is always the least recently used
      } else {
        statement = db.prepare(source) as unknown as SqliteStatement;
        if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
      }
      cache.set(source, statement);
      return statement;
    },
  };
}
