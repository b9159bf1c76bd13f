// The planning workshop (issue 13): a unit's plan for a cycle (the answers to the four questions
// of the checklist, and who published it), the coach's hints dismissed with a reason, and the
// drafts a unit proposed to the unit above. Objectives are named without a foreign key, as the
// dependencies and comments do (009): a deletion into the trash keeps the ids, so a restored
// objective finds its proposal and dismissals again. No column is added to an existing table.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    // JSON: { [question]: { answer, note } }, only the questions answered so far.
    .addColumn('checklist_json', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plans_unit_period', ['unit_id', 'period_id'])
    .execute();

  await s.createTable('hint_dismissals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('about', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hint_dismissals_hint', ['org_id', 'subject_kind', 'subject_id', 'code', 'about'])
    .execute();
  await s.createIndex('hint_dismissals_subject').on('hint_dismissals').columns(['org_id', 'subject_id']).execute();

  await s.createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.notNull())
    .addColumn('from_unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('to_unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('proposed_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('adopted_objective_id', 'text')
    .addColumn('adopted_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('adopted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('proposals_objective').on('proposals').columns(['org_id', 'objective_id']).execute();
  await s.createIndex('proposals_to').on('proposals').columns(['org_id', 'to_unit_id', 'state']).execute();
  await s.createIndex('proposals_from').on('proposals').columns(['org_id', 'from_unit_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['proposals', 'hint_dismissals', 'plans']) await db.schema.dropTable(table).execute();
}
