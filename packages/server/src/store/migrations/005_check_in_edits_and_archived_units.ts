// Check-ins can be edited (a version for concurrent edits, and when it was last edited) and units
// archived (their OKRs kept, read-only). Defaults on the new columns: PostgreSQL adds them without
// rewriting a large check_ins table, and existing check-ins read as never edited.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.alterTable('check_ins').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await s.alterTable('check_ins').addColumn('edited_at', 'text').execute();
  await s.alterTable('units').addColumn('archived_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('units').dropColumn('archived_at').execute();
  await db.schema.alterTable('check_ins').dropColumn('edited_at').execute();
  await db.schema.alterTable('check_ins').dropColumn('version').execute();
}
