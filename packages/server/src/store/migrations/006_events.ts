// Every change is recorded as an event in the change's own transaction (store/events.ts). seq
// orders an organisation's events; it is taken from the organisation's counter row, which the
// writing transaction holds until it commits, so events become visible in seq order and a reader
// resuming after seq n can never miss one committed later with a smaller number.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('event_counters')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await s.createTable('events')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('objective_id', 'text')
    .addColumn('key_result_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('events_pk', ['org_id', 'seq'])
    .execute();
  await s.createIndex('events_subject').on('events').columns(['org_id', 'subject_id', 'seq']).execute();
  await s.createIndex('events_objective').on('events').columns(['org_id', 'objective_id', 'seq']).execute();
  await s.createIndex('events_key_result').on('events').columns(['org_id', 'key_result_id', 'seq']).execute();
  await s.createIndex('events_unit').on('events').columns(['org_id', 'unit_id', 'seq']).execute();
  await s.createIndex('events_actor').on('events').columns(['org_id', 'actor_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('events').execute();
  await db.schema.dropTable('event_counters').execute();
}
