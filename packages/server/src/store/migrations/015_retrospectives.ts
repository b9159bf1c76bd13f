// The retrospective of a unit for a cycle (issue 15, article 004): a note per question and the
// actions for the next cycle, one row per unit and cycle. The anonymous mood vote is kept in two
// tables that cannot be joined into who voted what: who has voted (for the once-per-member rule)
// and, apart from it, how many voted each mood — a count per value, not a row per vote, and no
// time, id or sequence on either that would order the votes. The five counts are made with the
// retrospective and every vote rewrites all five (store/retrospectives.ts), so not even the row
// versions PostgreSQL keeps tell which count a vote raised.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('retrospectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('note_mood', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note_reaching_goals', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note_inclusion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note_support', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note_method', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note_stop', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .addUniqueConstraint('retrospectives_unit_period', ['unit_id', 'period_id'])
    .execute();
  await s.createIndex('retrospectives_period').on('retrospectives').columns(['org_id', 'period_id']).execute();

  await s.createTable('retrospective_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('retrospective_id', 'text', (c) => c.notNull().references('retrospectives.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('due_date', 'text')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await s.createIndex('retrospective_actions_retrospective').on('retrospective_actions').columns(['retrospective_id', 'position']).execute();
  await s.createIndex('retrospective_actions_owner').on('retrospective_actions').columns(['org_id', 'owner_id', 'done']).execute();

  await s.createTable('retrospective_voters')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('retrospective_id', 'text', (c) => c.notNull().references('retrospectives.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('retrospective_voters_pk', ['retrospective_id', 'person_id'])
    .execute();

  await s.createTable('retrospective_moods')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('retrospective_id', 'text', (c) => c.notNull().references('retrospectives.id').onDelete('cascade'))
    .addColumn('mood', 'integer', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('retrospective_moods_pk', ['retrospective_id', 'mood'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retrospective_moods').execute();
  await db.schema.dropTable('retrospective_voters').execute();
  await db.schema.dropTable('retrospective_actions').execute();
  await db.schema.dropTable('retrospectives').execute();
}
