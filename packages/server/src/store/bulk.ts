// Bulk loading: many rows into one table as multi-row INSERTs, chunked so that no statement binds
// more parameters than the driver allows (SQLite 32,766, PostgreSQL 65,535). For generating large
// organisations (the benchmark, imports), not for the request path: rows are not validated here.
// The statement text for a given table, column list and row count is built once and reused, so
// loading 600,000 rows does not build 600,000 query trees.
import { CompiledQuery, sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from './database.js';
import type { Db } from './executor.js';
import type { Database } from './schema.js';

/** The most parameters one statement may bind. */
export const MAX_PARAMETERS: Readonly<Record<Dialect, number>> = Object.freeze({ sqlite: 32_766, postgres: 65_535 });

export type BulkTable = keyof Database;
export type BulkRow<T extends BulkTable> = Insertable<Database[T]>;

/** PostgreSQL plans very wide statements slowly: by default it gets about this many rows per statement. */
export const POSTGRES_ROWS_PER_STATEMENT = 1000;

export interface BulkOptions {
  /** Lower than the dialect's limit, e.g. to test chunking; never higher. Given, it also lifts the PostgreSQL default of ~1,000 rows. */
  maxParameters?: number;
  /** Rows per transaction when bulkLoad opens its own transactions; default 100,000. */
  rowsPerTransaction?: number;
}

const statements = new Map<string, string>();

function quote(identifier: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(identifier)) throw new Error(`bulk insert: invalid identifier ${identifier}`);
  return `"${identifier}"`;
}

function insertText(dialect: Dialect, table: string, columns: readonly string[], rows: number): string {
  const key = `${dialect}\u0000${table}\u0000${columns.join(',')}\u0000${rows}`;
  let text = statements.get(key);
  if (text === undefined) {
    const tuples: string[] = new Array(rows);
    let n = 0;
    for (let r = 0; r < rows; r++) {
      const marks: string[] = new Array(columns.length);
      for (let c = 0; c < columns.length; c++) marks[c] = dialect === 'postgres' ? `$${++n}` : '?';
      tuples[r] = `(${marks.join(',')})`;
    }
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(',')}`;
    if (statements.size > 64) statements.clear();
    statements.set(key, text);
  }
  return text;
}

function rowsPerStatement(dialect: Dialect, columnCount: number, options: BulkOptions): number {
  const limit = Math.min(MAX_PARAMETERS[dialect], options.maxParameters ?? Infinity);
  const rows = Math.floor(limit / columnCount);
  if (rows < 1) throw new Error(`bulk insert: ${columnCount} columns exceed ${limit} parameters`);
  return dialect === 'postgres' && options.maxParameters === undefined ? Math.min(rows, POSTGRES_ROWS_PER_STATEMENT) : rows;
}

/**
 * Inserts rows with multi-row INSERTs on the given executor (run it inside a transaction: on
 * SQLite every statement outside one is its own fsync). Every row must have the same columns as
 * the first. Accepts any iterable, so a generator can stream rows without holding them all.
 * Returns the number of rows inserted.
 */
export async function bulkInsert<T extends BulkTable>(db: Db, dialect: Dialect, table: T, rows: Iterable<BulkRow<T>>,
  options: BulkOptions = {}): Promise<number> {
  let columns: string[] | undefined;
  let perStatement = 0;
  let params: unknown[] = [];
  let pending = 0;
  let total = 0;
  const flush = async () => {
    if (pending === 0 || !columns) return;
    await db.executeQuery(CompiledQuery.raw(insertText(dialect, table, columns, pending), params));
    total += pending;
    pending = 0;
    params = [];
  };
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    if (!columns) {
      columns = Object.keys(record);
      perStatement = rowsPerStatement(dialect, columns.length, options);
    }
    for (const c of columns) {
      const v = record[c];
      if (v === undefined) throw new Error(`bulk insert into ${table}: row ${total + pending} has no ${c}`);
      params.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
    }
    pending++;
    if (pending === perStatement) await flush();
  }
  await flush();
  return total;
}

/**
 * Loads rows into a table in transactions of options.rowsPerTransaction rows (default 100,000),
 * each made of multi-row INSERTs: a failure rolls back the transaction it happened in.
 */
export async function bulkLoad<T extends BulkTable>(db: Kysely<Database>, dialect: Dialect, table: T, rows: Iterable<BulkRow<T>>,
  options: BulkOptions = {}): Promise<number> {
  const perTransaction = Math.max(1, options.rowsPerTransaction ?? 100_000);
  const iterator = rows[Symbol.iterator]();
  let total = 0;
  let done = false;
  while (!done) {
    const batch: BulkRow<T>[] = [];
    while (batch.length < perTransaction) {
      const next = iterator.next();
      if (next.done) { done = true; break; }
      batch.push(next.value);
    }
    if (batch.length === 0) break;
    total += await db.transaction().execute((trx: Transaction<Database>) => bulkInsert(trx, dialect, table, batch, options));
  }
  return total;
}

/** Refreshes the planner's statistics after a bulk load (PostgreSQL's autovacuum would do it later). */
export async function analyseAfterLoad(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`analyze`.execute(db);
}
