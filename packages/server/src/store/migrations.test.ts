// A migration is frozen, and one that fills in data must do it on a database as it was: here
// 002's backfill of objectives' progress on a database made by 001, with key results of its time.
import type { Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../testing/testStores.js';
import { migrationDatabase } from '../testing/migrationDatabase.js';

describe.each(storeKinds())('migrations on a database made before them, on %s', (kind) => {
  let db: Kysely<any>;
  let migrator: Migrator;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, migrator, drop } = await migrationDatabase(kind, { foreignKeys: false }));
  });
  afterAll(async () => { await drop?.(); });

  it('002 works out the progress of objectives that already have key results, and the rest run after it', async () => {
    expect((await migrator.migrateTo('001_initial')).error).toBeUndefined();
    const at = '2026-11-01T10:00:00.000Z';
    const common = { org_id: 'org', version: 1, created_at: at, updated_at: at };
    await db.insertInto('objectives').values([
      { id: 'o1', unit_id: 'u', period_id: 'p', title: 'Flere medlemmer', description: '', kind: 'committed', status: 'active', ...common },
      { id: 'o2', unit_id: 'u', period_id: 'p', title: 'Uten nøkkelresultater', description: '', kind: 'committed', status: 'active', ...common },
    ]).execute();
    const kr = { objective_id: 'o1', measure: 'medlemmer', owner_id: null, current_at: at, confidence: 7, ...common };
    await db.insertInto('key_results').values([
      { id: 'k1', title: 'Halvveis', type: 'increase', start_value: 0, target_value: 100, weight: 1, current_value: 50, ...kr },
      { id: 'k2', title: 'I mål', type: 'milestone', start_value: 0, target_value: 1, weight: 3, current_value: 1, ...kr },
    ]).execute();

    const { error, results } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();
    expect(results?.map((r) => r.migrationName)[0]).toBe('002_objective_progress');
    const progress = Object.fromEntries((await db.selectFrom('objectives').select(['id', 'progress']).execute()).map((r) => [r.id, r.progress]));
    expect(progress.o1).toBeCloseTo((0.5 * 1 + 1 * 3) / 4, 10);
    expect(progress.o2).toBe(0);
  });
});
