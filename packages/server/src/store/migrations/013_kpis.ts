// KPIs (issue 15): measurements a unit keeps over time, outside the cycles, each with a healthy
// range and a cadence, and their check-ins. A key result promoted to a KPI names it (kpi_id) and
// the KPI names the key result it came from; both without a foreign key, as elsewhere, since the
// trash keeps key results' ids. An objective can pay into a KPI: alignments gain a third target,
// removed with the KPI.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('kpis')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('low', 'double precision')
    .addColumn('high', 'double precision')
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('current_value', 'double precision')
    .addColumn('current_at', 'text')
    .addColumn('promoted_from_key_result_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('kpis_unit').on('kpis').columns(['org_id', 'unit_id', 'id']).execute();

  await s.createTable('kpi_check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kpi_id', 'text', (c) => c.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('from_key_result_id', 'text')
    .execute();
  await s.createIndex('kpi_check_ins_kpi').on('kpi_check_ins').columns(['kpi_id', 'at']).execute();

  await s.alterTable('key_results').addColumn('kpi_id', 'text').execute();
  await s.alterTable('alignments').addColumn('target_kpi_id', 'text', (c) => c.references('kpis.id').onDelete('cascade')).execute();
  await s.createIndex('alignments_target_kpi').on('alignments').column('target_kpi_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('alignments_target_kpi').execute();
  await db.schema.alterTable('alignments').dropColumn('target_kpi_id').execute();
  await db.schema.alterTable('key_results').dropColumn('kpi_id').execute();
  await db.schema.dropTable('kpi_check_ins').execute();
  await db.schema.dropTable('kpis').execute();
}
