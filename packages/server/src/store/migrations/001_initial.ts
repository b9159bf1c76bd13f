// The first schema. One migration set serves SQLite and PostgreSQL, so only types both
// understand are used: text, integer, double precision.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('fiscal_year_start_month', 'integer', (c) => c.notNull())
    .addColumn('cycle_cadence', 'text', (c) => c.notNull())
    .addColumn('check_in_cadence_days', 'integer', (c) => c.notNull())
    .addColumn('mission', 'text', (c) => c.notNull())
    .addColumn('vision', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('themes_json', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s.createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('is_admin', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('people_org_email', ['org_id', 'email'])
    .execute();
  await s.createIndex('people_email').on('people').column('email').execute();

  await s.createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('sessions_person').on('sessions').column('person_id').execute();

  await s.createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('units_org_parent').on('units').columns(['org_id', 'parent_id']).execute();

  await s.createTable('memberships')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['unit_id', 'person_id'])
    .execute();
  await s.createIndex('memberships_person').on('memberships').columns(['person_id']).execute();

  await s.createTable('periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('periods_org_start').on('periods').columns(['org_id', 'start_date']).execute();

  await s.createTable('objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('objectives_period_unit').on('objectives').columns(['org_id', 'period_id', 'unit_id']).execute();
  await s.createIndex('objectives_unit').on('objectives').columns(['unit_id', 'period_id']).execute();

  await s.createTable('objective_owners')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('objective_owners_pk', ['objective_id', 'person_id'])
    .execute();
  await s.createIndex('objective_owners_person').on('objective_owners').column('person_id').execute();

  await s.createTable('key_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('start_value', 'double precision', (c) => c.notNull())
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('current_value', 'double precision')
    .addColumn('current_at', 'text')
    .addColumn('confidence', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('key_results_objective').on('key_results').column('objective_id').execute();
  await s.createIndex('key_results_owner').on('key_results').column('owner_id').execute();

  await s.createTable('alignments')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
    .addColumn('target_objective_id', 'text', (c) => c.references('objectives.id').onDelete('cascade'))
    .addColumn('target_key_result_id', 'text', (c) => c.references('key_results.id').onDelete('cascade'))
    .execute();
  await s.createIndex('alignments_objective').on('alignments').column('objective_id').execute();
  await s.createIndex('alignments_target_objective').on('alignments').column('target_objective_id').execute();
  await s.createIndex('alignments_target_key_result').on('alignments').column('target_key_result_id').execute();

  await s.createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('key_result_id', 'text', (c) => c.notNull().references('key_results.id').onDelete('cascade'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('confidence', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('blockers', 'text')
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('check_ins_key_result').on('check_ins').columns(['key_result_id', 'created_at']).execute();

  await s.createTable('initiatives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('period_id', 'text', (c) => c.references('periods.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('initiatives_unit').on('initiatives').columns(['org_id', 'unit_id']).execute();
  await s.createIndex('initiatives_owner').on('initiatives').column('owner_id').execute();

  await s.createTable('initiative_key_results')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('key_result_id', 'text', (c) => c.notNull().references('key_results.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('initiative_key_results_pk', ['initiative_id', 'key_result_id'])
    .execute();
  await s.createIndex('initiative_key_results_kr').on('initiative_key_results').column('key_result_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['initiative_key_results', 'initiatives', 'check_ins', 'alignments', 'key_results',
    'objective_owners', 'objectives', 'periods', 'memberships', 'units', 'sessions', 'people', 'organisations']) {
    await db.schema.dropTable(table).execute();
  }
}
