// Migration 010 on a database full of OKRs, with foreign keys enforced as the server runs them:
// on SQLite it rebuilds the objectives table, which must neither cascade into (nor lose) the key
// results, check-ins, owners and links that point at it, and must keep its indexes; on both
// stores existing rows keep their periods, new columns read their defaults, a period can then be
// left out, and a deletion still cascades to what hangs on the objective.
import { sql, type Kysely, type Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../testing/testStores.js';
import { migrationDatabase } from '../testing/migrationDatabase.js';

describe.each(storeKinds())('migration 010 on a database with OKRs, on %s', (kind) => {
  let db: Kysely<any>;
  let migrator: Migrator;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, migrator, drop } = await migrationDatabase(kind, { foreignKeys: true }));
  });
  afterAll(async () => { await drop?.(); });

  it('keeps every objective and what points at it, makes period_id nullable, and adds the ritual and rhythm columns', async () => {
    expect((await migrator.migrateTo('009_dependencies_and_comments')).error).toBeUndefined();
    const at = '2026-11-01T10:00:00.000Z';
    const stamps = { version: 1, created_at: at, updated_at: at };
    await db.insertInto('organisations').values([
      { id: 'org', name: 'Samhold', language: 'nb', time_zone: 'Europe/Oslo', fiscal_year_start_month: 1, cycle_cadence: 'tertial', check_in_cadence_days: 7, mission: '', vision: '', values_json: '[]', themes_json: '[]', is_demo: 0, ...stamps },
      { id: 'org2', name: 'Annenhver', language: 'nb', time_zone: 'Europe/Oslo', fiscal_year_start_month: 1, cycle_cadence: 'tertial', check_in_cadence_days: 14, mission: '', vision: '', values_json: '[]', themes_json: '[]', is_demo: 0, ...stamps },
    ]).execute();
    await db.insertInto('people').values({ id: 'kari', org_id: 'org', name: 'Kari', email: 'kari@example.no', password_hash: null, is_admin: 1, ...stamps }).execute();
    await db.insertInto('units').values({ id: 'u', org_id: 'org', parent_id: null, name: 'Samhold', kind: 'organisation', description: '', ...stamps }).execute();
    await db.insertInto('periods').values({ id: 'p', org_id: 'org', kind: 'cycle', name: 'T3 2026', start_date: '2026-09-01', end_date: '2026-12-31', state: 'active', ...stamps }).execute();
    const objective = { org_id: 'org', unit_id: 'u', period_id: 'p', description: '', kind: 'committed', ...stamps };
    await db.insertInto('objectives').values([
      { id: 'o1', title: 'Flere medlemmer', status: 'active', progress: 0.5, ...objective },
      { id: 'o2', title: 'Utkast', status: 'draft', progress: 0, ...objective },
    ]).execute();
    const kr = { org_id: 'org', objective_id: 'o1', title: 'Medlemmer', type: 'increase', start_value: 0, target_value: 100, measure: 'medlemmer', owner_id: 'kari', weight: 1, current_value: 50, current_at: at, confidence: 7, ...stamps };
    await db.insertInto('key_results').values([{ id: 'k1', ...kr }, { id: 'k2', ...kr, objective_id: 'o2', current_value: null }]).execute();
    await db.insertInto('check_ins').values({ id: 'c1', org_id: 'org', key_result_id: 'k1', value: 50, confidence: 7, comment: 'Halvveis', blockers: null, author_id: 'kari', created_at: at }).execute();
    await db.insertInto('objective_owners').values({ org_id: 'org', objective_id: 'o1', person_id: 'kari' }).execute();
    await db.insertInto('alignments').values({ org_id: 'org', objective_id: 'o2', target_objective_id: 'o1', target_key_result_id: null }).execute();

    const { error, results } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();
    expect(results?.map((r) => r.migrationName)).toContain('010_rituals_and_backlog');

    expect(await db.selectFrom('objectives').select(['id', 'period_id', 'title', 'status', 'progress']).orderBy('id').execute()).toEqual([
      { id: 'o1', period_id: 'p', title: 'Flere medlemmer', status: 'active', progress: 0.5 },
      { id: 'o2', period_id: 'p', title: 'Utkast', status: 'draft', progress: 0 },
    ]);
    expect((await db.selectFrom('key_results').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['k1', 'k2']);
    expect(await db.selectFrom('check_ins').select(['id', 'comment']).execute()).toEqual([{ id: 'c1', comment: 'Halvveis' }]);
    expect(await db.selectFrom('objective_owners').select(['objective_id', 'person_id']).execute()).toEqual([{ objective_id: 'o1', person_id: 'kari' }]);
    expect(await db.selectFrom('alignments').select(['objective_id', 'target_objective_id']).execute()).toEqual([{ objective_id: 'o2', target_objective_id: 'o1' }]);

    expect(await db.selectFrom('organisations').select(['id', 'check_in_weekday', 'check_in_cadence']).orderBy('id').execute()).toEqual([
      { id: 'org', check_in_weekday: 1, check_in_cadence: 'weekly' }, { id: 'org2', check_in_weekday: 1, check_in_cadence: 'biweekly' },
    ]);
    expect(await db.selectFrom('units').select(['check_in_weekday', 'check_in_cadence']).execute()).toEqual([{ check_in_weekday: null, check_in_cadence: null }]);
    expect(await db.selectFrom('periods').select(['planning_start_date', 'planning_end_date', 'review_date', 'retrospective_date']).execute())
      .toEqual([{ planning_start_date: null, planning_end_date: null, review_date: null, retrospective_date: null }]);

    // A parked objective: no period.
    await db.updateTable('objectives').set({ period_id: null, status: 'backlog' }).where('id', '=', 'o2').execute();
    expect((await db.selectFrom('objectives').select('period_id').where('id', '=', 'o2').executeTakeFirstOrThrow()).period_id).toBeNull();

    if (kind === 'sqlite') {
      const indexes = (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'objectives' and sql is not null order by name`.execute(db)).rows.map((r) => r.name);
      // objectives_carried_from comes with 014, which the migration to the latest also ran.
      expect(indexes).toEqual(['objectives_carried_from', 'objectives_period_unit', 'objectives_unit']);
      // The tables that pointed at objectives point at the rebuilt one, not at a renamed leftover.
      const referring = (await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name in ('key_results', 'objective_owners', 'alignments')`.execute(db)).rows;
      for (const r of referring) expect(r.sql).not.toMatch(/objectives_rebuilt|objectives_old/);
      expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
      expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]!.foreign_keys).toBe(1);
    }
    // Foreign keys still hold and still cascade.
    await expect(db.insertInto('objectives').values({ id: 'o3', title: 'Feil', status: 'draft', ...objective, period_id: 'no-such-period' }).execute()).rejects.toThrow();
    await db.deleteFrom('objectives').where('id', '=', 'o1').execute();
    expect((await db.selectFrom('key_results').select('id').execute()).map((r) => r.id)).toEqual(['k2']);
    expect(await db.selectFrom('check_ins').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('alignments').select('objective_id').execute()).toEqual([]);
  });
});
