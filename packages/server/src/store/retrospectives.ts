// A unit's retrospectives: the notes per question, the actions, and the anonymous mood vote kept
// as two things that cannot be joined — who has voted, and how many voted each mood.
import { RETROSPECTIVE_QUESTIONS, type RetrospectiveQuestion } from '@varde/core';
import { sql } from 'kysely';
import { updatedRows, type Db, type VersionedUpdate } from './executor.js';
import type { RetrospectiveTable } from './schema.js';

type Notes = Record<RetrospectiveQuestion, string>;
const COLUMN: Record<RetrospectiveQuestion, keyof RetrospectiveTable & `note_${string}`> = {
  mood: 'note_mood', reachingGoals: 'note_reaching_goals', inclusion: 'note_inclusion', support: 'note_support', method: 'note_method', stop: 'note_stop',
};

export interface RetrospectiveRow { id: string; orgId: string; unitId: string; periodId: string; notes: Notes; version: number; updatedAt: string | null }

const presentRow = (r: RetrospectiveTable): RetrospectiveRow => ({
  id: r.id, orgId: r.org_id, unitId: r.unit_id, periodId: r.period_id,
  notes: Object.fromEntries(RETROSPECTIVE_QUESTIONS.map((q) => [q, r[COLUMN[q]]])) as Notes,
  version: r.version, updatedAt: r.updated_at,
});

export async function getRetrospectiveRow(db: Db, orgId: string, unitId: string, periodId: string): Promise<RetrospectiveRow | undefined> {
  const r = await db.selectFrom('retrospectives').selectAll().where('org_id', '=', orgId).where('unit_id', '=', unitId).where('period_id', '=', periodId).executeTakeFirst();
  return r ? presentRow(r) : undefined;
}

/** The unit's retrospective of the cycle, made (at version 0, with its five mood counts at zero) when
 *  it is first written or voted in. Two making it at once end with the same one. */
export async function ensureRetrospective(db: Db, r: { id: string; orgId: string; unitId: string; periodId: string }): Promise<RetrospectiveRow> {
  const made = await db.insertInto('retrospectives').values({
    id: r.id, org_id: r.orgId, unit_id: r.unitId, period_id: r.periodId,
    note_mood: '', note_reaching_goals: '', note_inclusion: '', note_support: '', note_method: '', note_stop: '', version: 0, updated_at: null,
  }).onConflict((oc) => oc.columns(['unit_id', 'period_id']).doNothing()).executeTakeFirst();
  if (Number(made.numInsertedOrUpdatedRows ?? 0n) === 1) {
    await db.insertInto('retrospective_moods').values([1, 2, 3, 4, 5].map((mood) => ({ org_id: r.orgId, retrospective_id: r.id, mood, votes: 0 }))).execute();
  }
  return (await getRetrospectiveRow(db, r.orgId, r.unitId, r.periodId))!;
}

/** Writes the notes and moves the version on, when still at `version`. */
export async function updateRetrospective(db: Db, orgId: string, id: string, version: number, notes: Notes, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('retrospectives')
    .set({ ...Object.fromEntries(RETROSPECTIVE_QUESTIONS.map((q) => [COLUMN[q], notes[q]])), version: version + 1, updated_at: now })
    .where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  const still = await db.selectFrom('retrospectives').select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return still ? 'stale' : 'missing';
}

export interface ActionRow { id: string; text: string; ownerId: string | null; ownerName: string | null; dueDate: string | null; done: boolean }

export async function retrospectiveActions(db: Db, retrospectiveId: string): Promise<ActionRow[]> {
  const rows = await db.selectFrom('retrospective_actions as a').leftJoin('people as p', 'p.id', 'a.owner_id')
    .select(['a.id', 'a.text', 'a.owner_id', 'p.name', 'a.due_date', 'a.done'])
    .where('a.retrospective_id', '=', retrospectiveId).orderBy('a.position').execute();
  return rows.map((r) => ({ id: r.id, text: r.text, ownerId: r.owner_id, ownerName: r.owner_id ? r.name ?? '' : null, dueDate: r.due_date, done: r.done === 1 }));
}

/** The whole list, in its order: what is left out is removed, ids are kept. */
export async function replaceActions(db: Db, orgId: string, retrospectiveId: string, actions: ReadonlyArray<Omit<ActionRow, 'ownerName'>>): Promise<void> {
  await db.deleteFrom('retrospective_actions').where('retrospective_id', '=', retrospectiveId).execute();
  if (actions.length === 0) return;
  await db.insertInto('retrospective_actions').values(actions.map((a, position) => ({
    id: a.id, org_id: orgId, retrospective_id: retrospectiveId, position, text: a.text, owner_id: a.ownerId, due_date: a.dueDate, done: a.done ? 1 : 0,
  }))).execute();
}

export interface ActionPlace extends Omit<ActionRow, 'ownerName'> { retrospectiveId: string; unitId: string; periodId: string; version: number }
export async function getActionPlace(db: Db, orgId: string, actionId: string): Promise<ActionPlace | undefined> {
  const r = await db.selectFrom('retrospective_actions as a').innerJoin('retrospectives as r', 'r.id', 'a.retrospective_id')
    .select(['a.id', 'a.text', 'a.owner_id', 'a.due_date', 'a.done', 'r.id as retrospective_id', 'r.unit_id', 'r.period_id', 'r.version'])
    .where('a.org_id', '=', orgId).where('a.id', '=', actionId).executeTakeFirst();
  return r ? { id: r.id, text: r.text, ownerId: r.owner_id, dueDate: r.due_date, done: r.done === 1, retrospectiveId: r.retrospective_id, unitId: r.unit_id, periodId: r.period_id, version: r.version } : undefined;
}

/** Marks one action done and moves its retrospective's version on, so an editor holding the old
 *  list gets a 409 rather than writing the action back as open. */
export async function markActionDone(db: Db, orgId: string, a: ActionPlace, now: string): Promise<VersionedUpdate> {
  const moved = await db.updateTable('retrospectives').set({ version: a.version + 1, updated_at: now })
    .where('org_id', '=', orgId).where('id', '=', a.retrospectiveId).where('version', '=', a.version).executeTakeFirst();
  if (updatedRows(moved) !== 1) return 'stale';
  await db.updateTable('retrospective_actions').set({ done: 1 }).where('org_id', '=', orgId).where('id', '=', a.id).execute();
  return 'updated';
}

export interface OwnedAction extends ActionRow { unitId: string; unitName: string; periodId: string; periodName: string; periodStart: string }
/** The person's actions not done, of any cycle. */
export async function openActionsOwnedBy(db: Db, orgId: string, personId: string): Promise<OwnedAction[]> {
  const rows = await db.selectFrom('retrospective_actions as a')
    .innerJoin('retrospectives as r', 'r.id', 'a.retrospective_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('periods as p', 'p.id', 'r.period_id')
    .innerJoin('people as o', 'o.id', 'a.owner_id')
    .select(['a.id', 'a.text', 'a.owner_id', 'o.name as owner_name', 'a.due_date', 'r.unit_id', 'u.name as unit_name', 'r.period_id', 'p.name as period_name', 'p.start_date'])
    .where('a.org_id', '=', orgId).where('a.owner_id', '=', personId).where('a.done', '=', 0)
    .orderBy('p.start_date').orderBy('u.name').orderBy('a.position').execute();
  return rows.map((r) => ({
    id: r.id, text: r.text, ownerId: r.owner_id, ownerName: r.owner_name, dueDate: r.due_date, done: false,
    unitId: r.unit_id, unitName: r.unit_name, periodId: r.period_id, periodName: r.period_name, periodStart: r.start_date,
  }));
}

export async function hasVoted(db: Db, retrospectiveId: string, personId: string): Promise<boolean> {
  return (await db.selectFrom('retrospective_voters').select('person_id').where('retrospective_id', '=', retrospectiveId).where('person_id', '=', personId).executeTakeFirst()) !== undefined;
}

/** Counts one vote: the voter is written to the one table and the count to the other, in the
 *  caller's transaction. All five counts are rewritten (four by nothing), so the rows a vote
 *  touches do not tell its mood. False when the person had voted already. */
export async function castVote(db: Db, orgId: string, retrospectiveId: string, personId: string, mood: number): Promise<boolean> {
  const voted = await db.insertInto('retrospective_voters').values({ org_id: orgId, retrospective_id: retrospectiveId, person_id: personId })
    .onConflict((oc) => oc.columns(['retrospective_id', 'person_id']).doNothing()).executeTakeFirst();
  if (Number(voted.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
  await db.updateTable('retrospective_moods')
    .set({ votes: sql<number>`votes + case when mood = ${mood} then 1 else 0 end` })
    .where('org_id', '=', orgId).where('retrospective_id', '=', retrospectiveId).execute();
  return true;
}

/** How many voted 1, 2, 3, 4 and 5. */
export async function moodCounts(db: Db, retrospectiveId: string): Promise<number[]> {
  const rows = await db.selectFrom('retrospective_moods').select(['mood', 'votes']).where('retrospective_id', '=', retrospectiveId).execute();
  const counts = [0, 0, 0, 0, 0];
  for (const r of rows) if (r.mood >= 1 && r.mood <= 5) counts[r.mood - 1] = Number(r.votes);
  return counts;
}

/** For the demo seed, which writes a retrospective already voted in: the voters, and apart from
 *  them the counts, as casting the votes one by one would have left them. */
export async function insertVoteState(db: Db, orgId: string, retrospectiveId: string, voterIds: readonly string[], counts: readonly number[]): Promise<void> {
  if (voterIds.length) await db.insertInto('retrospective_voters').values(voterIds.map((person_id) => ({ org_id: orgId, retrospective_id: retrospectiveId, person_id }))).execute();
  for (const [i, votes] of counts.entries()) {
    await db.updateTable('retrospective_moods').set({ votes }).where('retrospective_id', '=', retrospectiveId).where('mood', '=', i + 1).execute();
  }
}

/** A unit's mood counts (votes for 1–5) per cycle it has a retrospective of, with the cycle's name
 *  and end, for the trend over its cycles: one query whatever the number of cycles. */
export async function moodCountsOfUnit(db: Db, orgId: string, unitId: string): Promise<Array<{ periodId: string; name: string; endDate: string; counts: number[] }>> {
  const rows = await db.selectFrom('retrospectives as r')
    .innerJoin('periods as p', 'p.id', 'r.period_id')
    .leftJoin('retrospective_moods as m', 'm.retrospective_id', 'r.id')
    .select(['r.period_id', 'p.name', 'p.end_date', 'm.mood', 'm.votes'])
    .where('r.org_id', '=', orgId).where('r.unit_id', '=', unitId).execute();
  const byPeriod = new Map<string, { periodId: string; name: string; endDate: string; counts: number[] }>();
  for (const r of rows) {
    const p = byPeriod.get(r.period_id) ?? byPeriod.set(r.period_id, { periodId: r.period_id, name: r.name, endDate: r.end_date, counts: [0, 0, 0, 0, 0] }).get(r.period_id)!;
    if (r.mood !== null && r.mood >= 1 && r.mood <= 5) p.counts[r.mood - 1] = Number(r.votes);
  }
  return [...byPeriod.values()];
}
