// The weekly check-in meeting (issue 14): a unit's meeting in a cycle with its facilitator, notes,
// attendees and the item on the shared screen; once ended, its record (what changed since the
// previous meeting, the agenda as it stood) is kept as JSON so later reads show it as it was.
// Notes and decisions per key result, and the blockers the meeting handled, are rows of their own.
// One meeting of a unit is open at a time, held by a partial unique index. Key results and
// check-ins are named without a foreign key, as elsewhere: the trash keeps their ids.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('facilitator_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attendee_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('current_item', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('previous_meeting_id', 'text')
    .addColumn('changes', 'text')
    .addColumn('agenda', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('meetings_unit').on('meetings').columns(['org_id', 'unit_id', 'started_at']).execute();
  await s.createIndex('meetings_period').on('meetings').columns(['org_id', 'period_id', 'unit_id']).execute();
  await sql`create unique index meetings_one_open on meetings (unit_id) where ended_at is null`.execute(db);

  await s.createTable('meeting_items')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('key_result_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decisions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('meeting_items_pk', ['meeting_id', 'key_result_id'])
    .execute();

  await s.createTable('meeting_blockers')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('check_in_id', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull())
    .addColumn('initiative_id', 'text')
    .addColumn('dependency_id', 'text')
    .addColumn('by_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_blockers_pk', ['check_in_id'])
    .execute();
  await s.createIndex('meeting_blockers_meeting').on('meeting_blockers').columns(['meeting_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meeting_blockers').execute();
  await db.schema.dropTable('meeting_items').execute();
  await db.schema.dropTable('meetings').execute();
}
