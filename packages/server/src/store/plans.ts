// The planning workshop's own rows: a unit's plan for a cycle (its checklist, who published it),
// the coach's hints dismissed with a reason, and the drafts proposed to the unit above.
import type { ChecklistQuestion, HintCode } from '@varde/core';
import { updatedRows, type Db } from './executor.js';
import type { ProposalTable } from './schema.js';

export type StoredChecklist = Partial<Record<ChecklistQuestion, { answer: 'yes' | 'partly' | 'no' | null; note: string }>>;
export interface PlanRecord {
  id: string; unitId: string; periodId: string; checklist: StoredChecklist;
  publishedAt: string | null; publishedBy: { id: string; name: string } | null; version: number;
}

export async function getPlan(db: Db, orgId: string, unitId: string, periodId: string): Promise<PlanRecord | undefined> {
  const r = await db.selectFrom('plans').leftJoin('people', 'people.id', 'plans.published_by')
    .select(['plans.id', 'plans.unit_id', 'plans.period_id', 'plans.checklist_json', 'plans.published_at', 'plans.published_by', 'people.name', 'plans.version'])
    .where('plans.org_id', '=', orgId).where('plans.unit_id', '=', unitId).where('plans.period_id', '=', periodId).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id, unitId: r.unit_id, periodId: r.period_id, checklist: JSON.parse(r.checklist_json) as StoredChecklist,
    publishedAt: r.published_at, publishedBy: r.published_by ? { id: r.published_by, name: r.name ?? '' } : null, version: r.version,
  };
}

/** A plan not written yet reads as this version; its first write makes the row at the next. */
export const UNWRITTEN_PLAN_VERSION = 1;

/** Writes the plan if it is still at `version` (`create`: not written yet, made now). 'stale' when
 *  someone else wrote it first, also when two make it at once. */
export async function writePlan(db: Db, p: { id: string; orgId: string; unitId: string; periodId: string; version: number; checklist: StoredChecklist;
  create: boolean; published?: { at: string; by: string } | undefined; now: string }): Promise<'updated' | 'stale'> {
  const checklist_json = JSON.stringify(p.checklist);
  if (p.create) {
    const result = await db.insertInto('plans').values({
      id: p.id, org_id: p.orgId, unit_id: p.unitId, period_id: p.periodId, checklist_json,
      published_at: p.published?.at ?? null, published_by: p.published?.by ?? null, version: p.version + 1, created_at: p.now, updated_at: p.now,
    }).onConflict((oc) => oc.columns(['unit_id', 'period_id']).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1 ? 'updated' : 'stale';
  }
  const result = await db.updateTable('plans').set({
    checklist_json, version: p.version + 1, updated_at: p.now,
    ...(p.published ? { published_at: p.published.at, published_by: p.published.by } : {}),
  }).where('org_id', '=', p.orgId).where('unit_id', '=', p.unitId).where('period_id', '=', p.periodId).where('version', '=', p.version).executeTakeFirst();
  return updatedRows(result) === 1 ? 'updated' : 'stale';
}

/** Turns the unit's drafts in the period into active objectives; answers their ids. */
export async function activateDrafts(db: Db, orgId: string, unitId: string, periodId: string, now: string): Promise<string[]> {
  const ids = (await db.selectFrom('objectives').select('id').where('org_id', '=', orgId).where('unit_id', '=', unitId)
    .where('period_id', '=', periodId).where('status', '=', 'draft').orderBy('id').execute()).map((r) => r.id);
  if (ids.length) {
    await db.updateTable('objectives').set((eb) => ({ status: 'active', version: eb('version', '+', 1), updated_at: now }))
      .where('org_id', '=', orgId).where('id', 'in', ids).execute();
  }
  return ids;
}

/** The unit's parked objectives (status `backlog`, which the rituals branch adds with a nullable
 *  period); none until then. Ids only: the objectives are read and presented as any others. */
export async function backlogIds(db: Db, orgId: string, unitId: string): Promise<string[]> {
  return (await db.selectFrom('objectives').select('id').where('org_id', '=', orgId).where('unit_id', '=', unitId)
    .where('status', '=', 'backlog').orderBy('id').execute()).map((r) => r.id);
}

// — Hint dismissals —

export interface DismissalRecord {
  id: string; subjectKind: 'objective' | 'keyResult' | 'unit'; subjectId: string; code: HintCode; about: string; reason: string;
  by: { id: string; name: string } | null; at: string;
}
const dismissalColumns = ['hint_dismissals.id', 'hint_dismissals.subject_kind', 'hint_dismissals.subject_id', 'hint_dismissals.code', 'hint_dismissals.about',
  'hint_dismissals.reason', 'hint_dismissals.person_id', 'people.name', 'hint_dismissals.at'] as const;
const dismissalOf = (r: { id: string; subject_kind: string; subject_id: string; code: string; about: string; reason: string; person_id: string | null; name: string | null; at: string }): DismissalRecord => ({
  id: r.id, subjectKind: r.subject_kind as DismissalRecord['subjectKind'], subjectId: r.subject_id, code: r.code as HintCode, about: r.about, reason: r.reason,
  by: r.person_id ? { id: r.person_id, name: r.name ?? '' } : null, at: r.at,
});

/** The dismissals of hints about any of the subjects, in one query per 500 of them. */
export async function dismissalsOf(db: Db, orgId: string, subjectIds: readonly string[]): Promise<DismissalRecord[]> {
  const ids = [...new Set(subjectIds)];
  const out: DismissalRecord[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('hint_dismissals').leftJoin('people', 'people.id', 'hint_dismissals.person_id').select(dismissalColumns)
      .where('hint_dismissals.org_id', '=', orgId).where('hint_dismissals.subject_id', 'in', ids.slice(i, i + 500)).execute();
    out.push(...rows.map(dismissalOf));
  }
  return out;
}

export async function getDismissal(db: Db, orgId: string, id: string): Promise<DismissalRecord | undefined> {
  const r = await db.selectFrom('hint_dismissals').leftJoin('people', 'people.id', 'hint_dismissals.person_id').select(dismissalColumns)
    .where('hint_dismissals.org_id', '=', orgId).where('hint_dismissals.id', '=', id).executeTakeFirst();
  return r ? dismissalOf(r) : undefined;
}

/** false when the hint was already dismissed. */
export async function insertDismissal(db: Db, d: { id: string; orgId: string; subjectKind: string; subjectId: string; code: string; about: string; reason: string; personId: string; at: string }): Promise<boolean> {
  const result = await db.insertInto('hint_dismissals').values({
    id: d.id, org_id: d.orgId, subject_kind: d.subjectKind, subject_id: d.subjectId, code: d.code, about: d.about, reason: d.reason, person_id: d.personId, at: d.at,
  }).onConflict((oc) => oc.columns(['org_id', 'subject_kind', 'subject_id', 'code', 'about']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function deleteDismissal(db: Db, orgId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('hint_dismissals').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// — Proposals —

export interface ProposalRecord {
  id: string; objectiveId: string; fromUnit: { id: string; name: string }; toUnit: { id: string; name: string };
  proposedBy: { id: string; name: string } | null; proposedAt: string; state: 'open' | 'adopted' | 'withdrawn';
  adoptedObjectiveId: string | null; adoptedBy: { id: string; name: string } | null; adoptedAt: string | null;
}

async function proposalRecords(db: Db, orgId: string, rows: readonly ProposalTable[]): Promise<ProposalRecord[]> {
  if (rows.length === 0) return [];
  const unitIds = [...new Set(rows.flatMap((r) => [r.from_unit_id, r.to_unit_id]))];
  const personIds = [...new Set(rows.flatMap((r) => [r.proposed_by, r.adopted_by].filter((p): p is string => p !== null)))];
  const [units, people] = await Promise.all([
    db.selectFrom('units').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', unitIds).execute(),
    personIds.length ? db.selectFrom('people').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', personIds).execute() : [],
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const person = (id: string | null) => (id ? { id, name: personName.get(id) ?? '' } : null);
  return rows.map((r) => ({
    id: r.id, objectiveId: r.objective_id,
    fromUnit: { id: r.from_unit_id, name: unitName.get(r.from_unit_id) ?? '' }, toUnit: { id: r.to_unit_id, name: unitName.get(r.to_unit_id) ?? '' },
    proposedBy: person(r.proposed_by), proposedAt: r.proposed_at, state: r.state as ProposalRecord['state'],
    adoptedObjectiveId: r.adopted_objective_id, adoptedBy: person(r.adopted_by), adoptedAt: r.adopted_at,
  }));
}

/** Open proposals to the unit, and every proposal from it (not withdrawn), oldest first. */
export async function proposalsOfUnit(db: Db, orgId: string, unitId: string): Promise<{ received: ProposalRecord[]; sent: ProposalRecord[] }> {
  const [received, sent] = await Promise.all([
    db.selectFrom('proposals').selectAll().where('org_id', '=', orgId).where('to_unit_id', '=', unitId).where('state', '=', 'open').orderBy('id').execute(),
    db.selectFrom('proposals').selectAll().where('org_id', '=', orgId).where('from_unit_id', '=', unitId).where('state', '!=', 'withdrawn').orderBy('id').execute(),
  ]);
  const [r, s] = await Promise.all([proposalRecords(db, orgId, received), proposalRecords(db, orgId, sent)]);
  return { received: r, sent: s };
}

export async function getProposal(db: Db, orgId: string, id: string): Promise<ProposalRecord | undefined> {
  const row = await db.selectFrom('proposals').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row ? (await proposalRecords(db, orgId, [row]))[0] : undefined;
}

export async function openProposalOf(db: Db, orgId: string, objectiveId: string): Promise<ProposalRecord | undefined> {
  const row = await db.selectFrom('proposals').selectAll().where('org_id', '=', orgId).where('objective_id', '=', objectiveId).where('state', '=', 'open').executeTakeFirst();
  return row ? (await proposalRecords(db, orgId, [row]))[0] : undefined;
}

export async function insertProposal(db: Db, p: { id: string; orgId: string; objectiveId: string; fromUnitId: string; toUnitId: string; proposedBy: string; now: string }): Promise<void> {
  await db.insertInto('proposals').values({
    id: p.id, org_id: p.orgId, objective_id: p.objectiveId, from_unit_id: p.fromUnitId, to_unit_id: p.toUnitId,
    proposed_by: p.proposedBy, proposed_at: p.now, state: 'open', adopted_objective_id: null, adopted_by: null, adopted_at: null, updated_at: p.now,
  }).execute();
}

/** Moves an open proposal on; false when it was no longer open (someone else got there first). */
export async function closeProposal(db: Db, orgId: string, id: string, next: { state: 'adopted' | 'withdrawn'; adoptedObjectiveId?: string; by: string; now: string }): Promise<boolean> {
  const result = await db.updateTable('proposals').set({
    state: next.state, updated_at: next.now,
    ...(next.state === 'adopted' ? { adopted_objective_id: next.adoptedObjectiveId ?? null, adopted_by: next.by, adopted_at: next.now } : {}),
  }).where('org_id', '=', orgId).where('id', '=', id).where('state', '=', 'open').executeTakeFirst();
  return updatedRows(result) === 1;
}
