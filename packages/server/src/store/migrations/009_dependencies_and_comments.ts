// Coordination between units (issue 13): dependencies with each step of their answer, comment
// threads on objectives and key results with the people they mention, and flags on two key
// results that contradict each other. What they are about (an objective, a key result) is named
// without a foreign key: a deletion into the trash keeps the ids, so a restored objective finds
// its threads and flags again, and reads leave out what points at something deleted.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('dependencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('from_unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('to_unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('objective_id', 'text')
    .addColumn('key_result_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('needed_by', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('raised_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('dependencies_from').on('dependencies').columns(['org_id', 'from_unit_id', 'id']).execute();
  await s.createIndex('dependencies_to').on('dependencies').columns(['org_id', 'to_unit_id', 'id']).execute();

  await s.createTable('dependency_steps')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('dependency_id', 'text', (c) => c.notNull().references('dependencies.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('dependency_steps_pk', ['dependency_id', 'seq'])
    .execute();

  await s.createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.notNull())
    .addColumn('key_result_id', 'text')
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  await s.createIndex('comments_objective').on('comments').columns(['org_id', 'objective_id', 'id']).execute();
  await s.createIndex('comments_key_result').on('comments').columns(['org_id', 'key_result_id', 'id']).execute();

  await s.createTable('comment_mentions')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('comment_mentions_pk', ['comment_id', 'person_id'])
    .execute();
  await s.createIndex('comment_mentions_person').on('comment_mentions').columns(['org_id', 'person_id']).execute();

  await s.createTable('contradictions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('key_result_a', 'text', (c) => c.notNull())
    .addColumn('key_result_b', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('flagged_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addColumn('cleared_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('cleared_at', 'text')
    .execute();
  await s.createIndex('contradictions_a').on('contradictions').columns(['org_id', 'key_result_a']).execute();
  await s.createIndex('contradictions_b').on('contradictions').columns(['org_id', 'key_result_b']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['contradictions', 'comment_mentions', 'comments', 'dependency_steps', 'dependencies']) {
    await db.schema.dropTable(table).execute();
  }
}
