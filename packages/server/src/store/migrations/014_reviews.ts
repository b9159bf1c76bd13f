// The review at the end of a cycle (issue 15, article 004): a unit's review of a cycle with its
// answers to the three questions and who closed it; a score per key result (the proposal frozen at
// closing beside the score it closed with and the reason a hand-set one needs); the objectives'
// scores frozen at closing with the copies made of them; and a decision per objective or key result
// (with the range a key result promoted to a KPI is kept by). An objective carried over or parked
// names its original in `objectives.carried_from_id`. Key results and objectives are named without
// a foreign key, as elsewhere: the trash keeps their ids.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    // JSON: { achieved, stillOpen, lessons }.
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reviews_unit_period', ['unit_id', 'period_id'])
    .execute();
  await s.createIndex('reviews_period').on('reviews').columns(['org_id', 'period_id']).execute();

  await s.createTable('review_scores')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('key_result_id', 'text', (c) => c.notNull())
    // null while the review is open: the proposal is computed afresh from the check-ins.
    .addColumn('proposed', 'double precision')
    // null: the score is the proposal.
    .addColumn('score', 'double precision')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('review_scores_pk', ['review_id', 'key_result_id'])
    .execute();

  await s.createTable('review_objectives')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('carried_to_id', 'text')
    .addColumn('parked_as_id', 'text')
    .addPrimaryKeyConstraint('review_objectives_pk', ['review_id', 'objective_id'])
    .execute();

  await s.createTable('review_decisions')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('kpi_direction', 'text')
    .addColumn('kpi_low', 'double precision')
    .addColumn('kpi_high', 'double precision')
    .addColumn('kpi_cadence', 'text')
    // The KPI a promoted key result became, once closed.
    .addColumn('kpi_id', 'text')
    .addPrimaryKeyConstraint('review_decisions_pk', ['review_id', 'subject_id'])
    .execute();

  await s.alterTable('objectives').addColumn('carried_from_id', 'text').execute();
  await s.createIndex('objectives_carried_from').on('objectives').columns(['carried_from_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('objectives_carried_from').execute();
  await db.schema.alterTable('objectives').dropColumn('carried_from_id').execute();
  for (const table of ['review_decisions', 'review_objectives', 'review_scores', 'reviews']) await db.schema.dropTable(table).execute();
}
