// What a repository function runs on: the database or a transaction opened by a use case.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
export type Db = Kysely<Database> | Transaction<Database>;

/** The outcome of an update guarded by a version number. */
export type VersionedUpdate = 'updated' | 'missing' | 'stale';

export function updatedRows(result: { numUpdatedRows: bigint }): number {
  return Number(result.numUpdatedRows);
}
