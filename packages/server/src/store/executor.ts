// What a repository function runs on: the database or a transaction opened by a use case.
import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';
export type Db = Kysely<Database> | Transaction<Database>;

/** For the few statements that differ: PostgreSQL runs writers concurrently and needs row locks
 *  SQLite (one writer at a time) has no use for, and can write two tables in one statement. */
export const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** The outcome of an update guarded by a version number. */
export type VersionedUpdate = 'updated' | 'missing' | 'stale';

export function updatedRows(result: { numUpdatedRows: bigint }): number {
  return Number(result.numUpdatedRows);
}

/** Whether a statement failed on a unique constraint (a write that lost a race for the same key). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' /* PostgreSQL unique_violation */ || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
