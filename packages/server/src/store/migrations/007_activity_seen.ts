// How far each person has seen their units' activity: the seq of the newest event they had before
// them on their last visit to Mine, so the next visit lists what came after. One row a person,
// written when they mark it seen; a person who never has has no row and sees everything.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('activity_seen')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_seen_pk', ['org_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('activity_seen').execute();
}
