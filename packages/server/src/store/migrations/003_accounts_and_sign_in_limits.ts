// Accounts people can manage and sessions that end: a person can be deactivated or be made to
// choose a new password at the next sign-in; a session remembers when it was last used (its idle
// limit); failed sign-ins are kept for a while so limits hold across instances sharing PostgreSQL.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.alterTable('people').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await s.alterTable('people').addColumn('password_change_required', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await s.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);
  await s.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

  // Not scoped by organisation: a failed sign-in names an e-mail address or a client address,
  // before anyone knows which organisation (if any) it belongs to.
  await s.createTable('sign_in_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('sign_in_failures_email').on('sign_in_failures').columns(['email', 'at']).execute();
  await s.createIndex('sign_in_failures_address').on('sign_in_failures').columns(['address', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema.dropIndex('sessions_expires').execute();
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
  await db.schema.alterTable('people').dropColumn('password_change_required').execute();
  await db.schema.alterTable('people').dropColumn('active').execute();
}
