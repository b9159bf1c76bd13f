// Objectives keep their progress on the row (see store/objectiveProgress.ts), filled in for
// existing data here. Frozen: it reads the key result columns as they were when it was written,
// not through the live store, whose queries follow later migrations. The progress itself comes
// from core's pure rule; every later change to a key result works it out again anyway.
import type { Kysely } from 'kysely';
import { objectiveProgressOf, type KeyResultType } from '@varde/core';

interface Tables {
  objectives: { id: string; progress: number };
  key_results: { objective_id: string; type: string; start_value: number; target_value: number; current_value: number | null; weight: number };
}

export async function up(database: Kysely<unknown>): Promise<void> {
  const db = database as unknown as Kysely<Tables>;
  await db.schema.alterTable('objectives').addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0)).execute();
  const ids = (await db.selectFrom('objectives').select('id').orderBy('id').execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.selectFrom('key_results').select(['objective_id', 'type', 'start_value', 'target_value', 'current_value', 'weight'])
      .where('objective_id', 'in', chunk).execute();
    const byObjective = new Map<string, typeof rows>(chunk.map((id) => [id, []]));
    for (const r of rows) byObjective.get(r.objective_id)!.push(r);
    for (const [id, krs] of byObjective) {
      const progress = objectiveProgressOf(krs.map((k) => ({ type: k.type as KeyResultType, start: k.start_value, target: k.target_value, current: k.current_value, weight: k.weight })));
      await db.updateTable('objectives').set({ progress }).where('id', '=', id).execute();
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('objectives').dropColumn('progress').execute();
}
