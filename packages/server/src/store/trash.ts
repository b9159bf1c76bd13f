// The trash: snapshots of what a deletion removed, as the rows were, so a restore puts back the
// same ids, versions, check-ins and progress. Rows are kept whole (every column, whatever later
// migrations add), and on the way back a reference to something deleted since is dropped as the
// foreign key would have dropped it (a link, an owner) or left empty (an author, a period).
// A later migration that renames or drops a column of these tables must rewrite the snapshots too.
import type { Selectable } from 'kysely';
import type { TrashKind } from '@varde/core';
import { isPostgres, type Db } from './executor.js';
import type {
  AlignmentTable, CheckInTable, InitiativeKeyResultTable, InitiativeTable, KeyResultTable, ObjectiveOwnerTable, ObjectiveTable,
} from './schema.js';

type Row<T> = Selectable<T>;
export interface ObjectiveSnapshot {
  objective: Row<ObjectiveTable>; owners: Row<ObjectiveOwnerTable>[]; keyResults: Row<KeyResultTable>[];
  checkIns: Row<CheckInTable>[];
  /** Its own links and all links of the objectives that point at it or at its key results. */
  alignments: Row<AlignmentTable>[];
  initiativeLinks: Row<InitiativeKeyResultTable>[];
}
export interface KeyResultSnapshot {
  keyResult: Row<KeyResultTable>; checkIns: Row<CheckInTable>[];
  /** All links of the objectives that pay into this key result. */
  alignments: Row<AlignmentTable>[];
  initiativeLinks: Row<InitiativeKeyResultTable>[];
}
export interface InitiativeSnapshot { initiative: Row<InitiativeTable>; links: Row<InitiativeKeyResultTable>[] }
export type Snapshot =
  | { kind: 'objective'; rows: ObjectiveSnapshot }
  | { kind: 'keyResult'; rows: KeyResultSnapshot }
  | { kind: 'initiative'; rows: InitiativeSnapshot };

/** Rows per insert: well under SQLite's bound-parameter limit for the widest table. */
const CHUNK = 200;
const chunks = <T>(rows: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
};
const ordered = <T extends { created_at: string; id: string }>(rows: T[]) =>
  rows.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));

async function checkInsOf(db: Db, keyResultIds: readonly string[]): Promise<Row<CheckInTable>[]> {
  const out: Row<CheckInTable>[] = [];
  for (const ids of chunks(keyResultIds)) out.push(...await db.selectFrom('check_ins').selectAll().where('key_result_id', 'in', ids).execute());
  return ordered(out);
}

async function initiativeLinksOf(db: Db, keyResultIds: readonly string[]): Promise<Row<InitiativeKeyResultTable>[]> {
  if (keyResultIds.length === 0) return [];
  return db.selectFrom('initiative_key_results').selectAll().where('key_result_id', 'in', [...keyResultIds])
    .orderBy('initiative_id').orderBy('key_result_id').execute();
}

/** Every link of the objectives that own these links or point at these objectives or key results,
 *  in the order an objective's links are read (store/objectives.ts), so a restore can put each
 *  list back in its order rather than the restored links last. */
async function alignmentsAround(db: Db, orgId: string, objectiveIds: readonly string[], keyResultIds: readonly string[]): Promise<Row<AlignmentTable>[]> {
  const pointing = await db.selectFrom('alignments').select('objective_id').distinct().where('org_id', '=', orgId).where((eb) => eb.or([
    ...(objectiveIds.length ? [eb('target_objective_id', 'in', [...objectiveIds])] : []),
    ...(keyResultIds.length ? [eb('target_key_result_id', 'in', [...keyResultIds])] : []),
  ])).execute();
  const sources = [...new Set([...objectiveIds, ...pointing.map((p) => p.objective_id)])];
  return sources.length ? db.selectFrom('alignments').selectAll().where('org_id', '=', orgId).where('objective_id', 'in', sources).execute() : [];
}

export async function snapshotObjective(db: Db, orgId: string, id: string): Promise<ObjectiveSnapshot | undefined> {
  // Locked before anything under it is read: a check-in that commits meanwhile (it locks the
  // objective too, store/objectiveProgress.ts) would otherwise be deleted without being kept.
  const q = db.selectFrom('objectives').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  const objective = await (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
  if (!objective) return undefined;
  const keyResults = ordered(await db.selectFrom('key_results').selectAll().where('objective_id', '=', id).execute());
  const krIds = keyResults.map((k) => k.id);
  const [owners, alignments, checkIns, initiativeLinks] = await Promise.all([
    db.selectFrom('objective_owners').selectAll().where('objective_id', '=', id).orderBy('person_id').execute(),
    alignmentsAround(db, orgId, [id], krIds),
    checkInsOf(db, krIds),
    initiativeLinksOf(db, krIds),
  ]);
  return { objective, owners, keyResults, checkIns, alignments, initiativeLinks };
}

export async function snapshotKeyResult(db: Db, orgId: string, id: string): Promise<KeyResultSnapshot | undefined> {
  const keyResult = await db.selectFrom('key_results').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!keyResult) return undefined;
  const [checkIns, alignments, initiativeLinks] = await Promise.all([
    checkInsOf(db, [id]),
    alignmentsAround(db, orgId, [], [id]),
    initiativeLinksOf(db, [id]),
  ]);
  return { keyResult, checkIns, alignments, initiativeLinks };
}

export async function snapshotInitiative(db: Db, orgId: string, id: string): Promise<InitiativeSnapshot | undefined> {
  const q = db.selectFrom('initiatives').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  const initiative = await (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
  if (!initiative) return undefined;
  const links = await db.selectFrom('initiative_key_results').selectAll().where('initiative_id', '=', id).orderBy('key_result_id').execute();
  return { initiative, links };
}

export interface NewTrashEntry { id: string; orgId: string; snapshot: Snapshot; subjectId: string; deletedBy: string; deletedAt: string }
export async function insertTrash(db: Db, t: NewTrashEntry): Promise<void> {
  await db.insertInto('trash').values({
    id: t.id, org_id: t.orgId, kind: t.snapshot.kind, subject_id: t.subjectId, snapshot: JSON.stringify(t.snapshot.rows),
    deleted_by: t.deletedBy, deleted_at: t.deletedAt,
  }).execute();
}

/** Deletes the trash of deletions made before `before` (no longer to be undone); answers how many. */
export async function deleteTrashBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('trash').where('deleted_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface TrashEntry { id: string; subjectId: string; snapshot: Snapshot; deletedBy: string | null; deletedAt: string }
/** Takes the entry out of the trash and answers it, or undefined when the organisation has no
 *  such entry (unknown, another organisation's, or taken already: of two restores at once, the
 *  second waits for the first's delete and then finds nothing). */
export async function takeFromTrash(db: Db, orgId: string, id: string): Promise<TrashEntry | undefined> {
  const row = await db.deleteFrom('trash').where('org_id', '=', orgId).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id, subjectId: row.subject_id, deletedBy: row.deleted_by, deletedAt: row.deleted_at,
    snapshot: { kind: row.kind as TrashKind, rows: JSON.parse(row.snapshot) } as Snapshot,
  };
}

async function existing(db: Db, table: 'people' | 'objectives' | 'key_results' | 'initiatives' | 'kpis', orgId: string, ids: Iterable<string | null>): Promise<Set<string>> {
  const wanted = [...new Set([...ids].filter((i): i is string => i !== null))];
  const found = new Set<string>();
  for (const chunk of chunks(wanted)) {
    for (const r of await db.selectFrom(table).select('id').where('org_id', '=', orgId).where('id', 'in', chunk).execute()) found.add(r.id);
  }
  return found;
}

async function insertRows<T extends 'objective_owners' | 'key_results' | 'check_ins' | 'alignments' | 'initiative_key_results'>(
  db: Db, table: T, rows: readonly Row<import('./schema.js').Database[T]>[]): Promise<void> {
  for (const chunk of chunks(rows)) await db.insertInto(table).values(chunk as never).execute();
}

async function restoreCheckIns(db: Db, orgId: string, checkIns: readonly Row<CheckInTable>[]): Promise<void> {
  const authors = await existing(db, 'people', orgId, checkIns.map((c) => c.author_id));
  await insertRows(db, 'check_ins', checkIns.map((c) => ({ ...c, author_id: c.author_id && authors.has(c.author_id) ? c.author_id : null })));
}

async function restoreInitiativeLinks(db: Db, orgId: string, links: readonly Row<InitiativeKeyResultTable>[]): Promise<void> {
  const initiatives = await existing(db, 'initiatives', orgId, links.map((l) => l.initiative_id));
  await insertRows(db, 'initiative_key_results', links.filter((l) => initiatives.has(l.initiative_id)));
}

const linkKey = (a: Row<AlignmentTable>) => `${a.objective_id} ${a.target_objective_id ?? ''} ${a.target_key_result_id ?? ''} ${a.target_kpi_id ?? ''}`;

/** Each objective's list of links as it was: those the deletion removed come back in their
 *  places, those it left are kept only if they are still there, links added since stay (last),
 *  and a link to something deleted since is left out. */
async function restoreAlignments(db: Db, orgId: string, snapshot: readonly Row<AlignmentTable>[], removed: (a: Row<AlignmentTable>) => boolean): Promise<void> {
  const sources = [...new Set(snapshot.map((a) => a.objective_id))];
  if (sources.length === 0) return;
  const current = await db.selectFrom('alignments').selectAll().where('org_id', '=', orgId).where('objective_id', 'in', sources).execute();
  const [now, then] = [new Set(current.map(linkKey)), new Set(snapshot.map(linkKey))];
  const wanted = [...snapshot.filter((a) => removed(a) || now.has(linkKey(a))), ...current.filter((a) => !then.has(linkKey(a)))];
  const objectives = await existing(db, 'objectives', orgId, wanted.flatMap((a) => [a.objective_id, a.target_objective_id]));
  const keyResults = await existing(db, 'key_results', orgId, wanted.map((a) => a.target_key_result_id));
  // A snapshot from before migration 013 has no target_kpi_id.
  const kpis = await existing(db, 'kpis', orgId, wanted.map((a) => a.target_kpi_id ?? null));
  await db.deleteFrom('alignments').where('org_id', '=', orgId).where('objective_id', 'in', sources).execute();
  await insertRows(db, 'alignments', wanted.filter((a) => objectives.has(a.objective_id)
    && (a.target_objective_id === null || objectives.has(a.target_objective_id))
    && (a.target_key_result_id === null || keyResults.has(a.target_key_result_id))
    && (a.target_kpi_id == null || kpis.has(a.target_kpi_id))));
}

async function restoreKeyResultRows(db: Db, orgId: string, keyResults: readonly Row<KeyResultTable>[]): Promise<void> {
  const owners = await existing(db, 'people', orgId, keyResults.map((k) => k.owner_id));
  await insertRows(db, 'key_results', keyResults.map((k) => ({ ...k, owner_id: k.owner_id && owners.has(k.owner_id) ? k.owner_id : null })));
}

/** The caller has checked that its unit and period exist. */
export async function restoreObjective(db: Db, orgId: string, s: ObjectiveSnapshot): Promise<void> {
  await db.insertInto('objectives').values(s.objective).execute();
  const owners = await existing(db, 'people', orgId, s.owners.map((o) => o.person_id));
  await insertRows(db, 'objective_owners', s.owners.filter((o) => owners.has(o.person_id)));
  await restoreKeyResultRows(db, orgId, s.keyResults);
  await restoreCheckIns(db, orgId, s.checkIns);
  const id = s.objective.id;
  const keyResultIds = new Set(s.keyResults.map((k) => k.id));
  await restoreAlignments(db, orgId, s.alignments, (a) => a.objective_id === id || a.target_objective_id === id
    || (a.target_key_result_id !== null && keyResultIds.has(a.target_key_result_id)));
  await restoreInitiativeLinks(db, orgId, s.initiativeLinks);
}

/** The caller has checked that its objective exists. */
export async function restoreKeyResult(db: Db, orgId: string, s: KeyResultSnapshot): Promise<void> {
  await restoreKeyResultRows(db, orgId, [s.keyResult]);
  await restoreCheckIns(db, orgId, s.checkIns);
  await restoreAlignments(db, orgId, s.alignments, (a) => a.target_key_result_id === s.keyResult.id);
  await restoreInitiativeLinks(db, orgId, s.initiativeLinks);
}

/** The caller has checked that its unit exists; a period or owner deleted since is left empty. */
export async function restoreInitiative(db: Db, orgId: string, s: InitiativeSnapshot): Promise<void> {
  const i = s.initiative;
  const [owner, period] = await Promise.all([
    existing(db, 'people', orgId, [i.owner_id]),
    i.period_id ? db.selectFrom('periods').select('id').where('org_id', '=', orgId).where('id', '=', i.period_id).executeTakeFirst() : undefined,
  ]);
  await db.insertInto('initiatives').values({ ...i, owner_id: i.owner_id && owner.has(i.owner_id) ? i.owner_id : null, period_id: period ? i.period_id : null }).execute();
  const keyResults = await existing(db, 'key_results', orgId, s.links.map((l) => l.key_result_id));
  await insertRows(db, 'initiative_key_results', s.links.filter((l) => keyResults.has(l.key_result_id)));
}

/** What deleting these key results (an objective's, or one) would take along or unlink. */
export async function deletionImpactOf(db: Db, orgId: string, keyResultIds: readonly string[], objectiveId?: string): Promise<{ checkIns: number; initiatives: number; alignedObjectives: number }> {
  const count = async (q: Promise<{ n: string | number | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const none = Promise.resolve({ n: 0 });
  const [checkIns, initiatives, alignedObjectives] = await Promise.all([
    keyResultIds.length ? count(db.selectFrom('check_ins').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).where('key_result_id', 'in', [...keyResultIds]).executeTakeFirst()) : count(none),
    keyResultIds.length ? count(db.selectFrom('initiative_key_results').select((eb) => eb.fn.count('initiative_id').distinct().as('n')).where('org_id', '=', orgId).where('key_result_id', 'in', [...keyResultIds]).executeTakeFirst()) : count(none),
    count(db.selectFrom('alignments').select((eb) => eb.fn.count('objective_id').distinct().as('n')).where('org_id', '=', orgId)
      .where((eb) => eb.or([
        ...(objectiveId ? [eb('target_objective_id', '=', objectiveId)] : []),
        ...(keyResultIds.length ? [eb('target_key_result_id', 'in', [...keyResultIds])] : []),
        ...(objectiveId || keyResultIds.length ? [] : [eb.lit(false)]),
      ])).executeTakeFirst()),
  ]);
  return { checkIns, initiatives, alignedObjectives };
}
