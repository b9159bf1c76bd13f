// The trash: a deletion moves what it removes (an objective with its key results, check-ins,
// owners and links; a key result with its check-ins and links; an initiative with its links)
// into one row as a JSON snapshot, so it can be put back exactly for a while. The live tables are
// left as they are: no read path has to filter out what is deleted.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('trash')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('deleted_by', 'text')
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .execute();
  // For a sweep of rows past the restore window.
  await db.schema.createIndex('trash_org_deleted').on('trash').columns(['org_id', 'deleted_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('trash').execute();
}
