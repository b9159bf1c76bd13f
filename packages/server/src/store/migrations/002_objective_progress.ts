// Objectives keep their progress on the row (see store/objectiveProgress.ts), filled in for
// existing data here.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { refreshAllObjectiveProgress } from '../objectiveProgress.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('objectives').addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0)).execute();
  await refreshAllObjectiveProgress(db as unknown as Kysely<Database>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('objectives').dropColumn('progress').execute();
}
