// The retrospective of a unit for a cycle (issue 15, article 004): how the team worked, never the
// results. Open from the cycle's review on and still open once it is closed (core's
// retrospectiveOpen), because its actions are done in the next cycle. The mood vote is anonymous:
// the store keeps who voted apart from a count per mood (store/retrospectives.ts), the event of a
// vote names the voter and no mood, and the answer gives only the count and, from three votes on,
// the distribution (core's moodSummary).
import {
  fieldChanges, mayChangeOkrs, mayVoteInRetrospective, moodSummary, RETROSPECTIVE_QUESTIONS, retrospectiveOpen,
  type EventSubject, type MyRetrospectiveAction, type Period, type Retrospective, type RetrospectivePatch, type RetrospectiveQuestion,
} from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import {
  castVote, ensureRetrospective, getActionPlace, getRetrospectiveRow, hasVoted, markActionDone, moodCounts, openActionsOwnedBy,
  replaceActions, retrospectiveActions, updateRetrospective, type ActionRow, type RetrospectiveRow,
} from '../store/retrospectives.js';
import { getPeriod } from '../store/periods.js';
import { getUnit, type UnitRecord } from '../store/units.js';
import type { Db } from '../store/executor.js';
import { newId } from '../store/ids.js';
import { authorise, policies } from '../auth/policies.js';
import type { Actor, Deps } from './context.js';
import { conflictOn, forbidden, invalid, notFound, staleVersion, unitArchived } from './errors.js';

type Notes = Record<RetrospectiveQuestion, string>;
const EMPTY_NOTES = Object.fromEntries(RETROSPECTIVE_QUESTIONS.map((q) => [q, ''])) as Notes;
const RETROSPECTIVE_FIELDS = ['notes', 'actions'] as const;

const subjectOf = (r: RetrospectiveRow, unit: UnitRecord): EventSubject => ({ kind: 'retrospective', id: r.id, name: unit.name, unitId: unit.id });
/** What the events tell about the actions: the owner's id, not a name that may change. */
const actionsView = (actions: readonly ActionRow[]) => actions.map(({ ownerName: _n, ...a }) => a);

interface Place { unit: UnitRecord; period: Period }
async function placeOf(db: Db, actor: Actor, unitId: string, periodId: string): Promise<Place> {
  const [unit, period] = await Promise.all([getUnit(db, actor.orgId, unitId), getPeriod(db, actor.orgId, periodId)]);
  if (!unit) throw notFound('The unit');
  if (!period) throw notFound('The period');
  return { unit, period };
}

const notOpen = () => conflictOn('periodId', "is not in review or closed: a cycle's retrospective opens when the cycle goes to review", 'retrospective_not_open');

async function present(db: Db, actor: Actor, place: Place, row: RetrospectiveRow | undefined): Promise<Retrospective> {
  const { unit, period } = place;
  const open = retrospectiveOpen(period);
  const [actions, counts, voted] = row
    ? await Promise.all([retrospectiveActions(db, row.id), moodCounts(db, row.id), hasVoted(db, row.id, actor.personId)])
    : [[], [0, 0, 0, 0, 0], false];
  const memberIds = unit.members.map((m) => m.personId);
  const isMember = memberIds.includes(actor.personId);
  const mood = moodSummary(counts);
  return {
    unitId: unit.id, unitName: unit.name, periodId: period.id, periodName: period.name, periodState: period.state,
    notes: row?.notes ?? EMPTY_NOTES,
    actions,
    mood: { votes: mood.votes, members: memberIds.length, distribution: mood.distribution, mean: mood.mean, youVoted: voted },
    open,
    can: {
      edit: open && mayChangeOkrs(actor, { archivedAt: unit.archivedAt, actorIsMember: isMember }),
      vote: open && !voted && mayVoteInRetrospective(actor, { archivedAt: unit.archivedAt, memberIds }),
    },
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function readRetrospective(deps: Deps, actor: Actor, unitId: string, periodId: string): Promise<Retrospective> {
  const db = deps.store.db;
  const place = await placeOf(db, actor, unitId, periodId);
  return present(db, actor, place, await getRetrospectiveRow(db, actor.orgId, unitId, periodId));
}

/** The actions as they are to be: ids kept for those that were there, new ones for the rest. An
 *  owner must be a member of the unit, unless the action already had them (someone who has left
 *  keeps what they took on). */
function nextActions(patch: NonNullable<RetrospectivePatch['actions']>, before: readonly ActionRow[], unit: UnitRecord): Array<Omit<ActionRow, 'ownerName'>> {
  const was = new Map(before.map((a) => [a.id, a]));
  const members = new Set(unit.members.map((m) => m.personId));
  const seen = new Set<string>();
  return patch.map((a, i) => {
    if (a.id !== undefined) {
      if (!was.has(a.id)) throw invalid(`actions.${i}.id`, 'is not an action of this retrospective', 'unknown_action');
      if (seen.has(a.id)) throw invalid(`actions.${i}.id`, 'is listed twice', 'duplicate');
      seen.add(a.id);
    }
    const kept = a.id === undefined ? undefined : was.get(a.id);
    if (a.ownerId !== null && a.ownerId !== kept?.ownerId && !members.has(a.ownerId)) throw invalid(`actions.${i}.ownerId`, 'must be a member of the unit', 'not_a_member');
    return { id: a.id ?? newId(), text: a.text, ownerId: a.ownerId, dueDate: a.dueDate, done: a.done };
  });
}

export async function changeRetrospective(deps: Deps, actor: Actor, unitId: string, periodId: string, patch: RetrospectivePatch): Promise<Retrospective> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const place = await placeOf(trx, actor, unitId, periodId);
    await authorise(policies.changeOkrsOf(trx, actor, unitId), "write this unit's retrospective");
    if (!retrospectiveOpen(place.period)) throw notOpen();
    const existing = await getRetrospectiveRow(trx, actor.orgId, unitId, periodId);
    if ((existing?.version ?? 0) !== patch.version) throw staleVersion('The retrospective');
    const row = existing ?? await ensureRetrospective(trx, { id: newId(), orgId: actor.orgId, unitId, periodId });
    const beforeActions = await retrospectiveActions(trx, row.id);
    const actions = patch.actions ? nextActions(patch.actions, beforeActions, place.unit) : undefined;
    const notes: Notes = { ...row.notes, ...patch.notes };
    const outcome = await updateRetrospective(trx, actor.orgId, row.id, patch.version, notes, now);
    if (outcome !== 'updated') throw staleVersion('The retrospective');
    if (actions) await replaceActions(trx, actor.orgId, row.id, actions);
    const after = await retrospectiveActions(trx, row.id);
    const subject = subjectOf(row, place.unit);
    record('retrospective.changed', subject, fieldChanges({ notes: row.notes, actions: actionsView(beforeActions) }, { notes, actions: actionsView(after) }, RETROSPECTIVE_FIELDS));
    const wasDone = new Map(beforeActions.map((a) => [a.id, a.done]));
    for (const a of after) {
      if (a.done && wasDone.get(a.id) === false) record('retrospective.actionDone', subject, [{ field: 'actionId', before: null, after: a.id }, { field: 'text', before: null, after: a.text }]);
    }
    return present(trx, actor, place, (await getRetrospectiveRow(trx, actor.orgId, unitId, periodId))!);
  });
}

/** One anonymous vote of a member. The event names who voted and nothing of how. */
export async function voteInRetrospective(deps: Deps, actor: Actor, unitId: string, periodId: string, mood: number): Promise<Retrospective> {
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const place = await placeOf(trx, actor, unitId, periodId);
    if (place.unit.archivedAt !== null) throw unitArchived();
    if (!mayVoteInRetrospective(actor, { archivedAt: null, memberIds: place.unit.members.map((m) => m.personId) })) {
      throw forbidden("You may not vote in this unit's retrospective: the vote is for its members");
    }
    if (!retrospectiveOpen(place.period)) throw notOpen();
    const row = await getRetrospectiveRow(trx, actor.orgId, unitId, periodId) ?? await ensureRetrospective(trx, { id: newId(), orgId: actor.orgId, unitId, periodId });
    if (!(await castVote(trx, actor.orgId, row.id, actor.personId, mood))) throw conflictOn('mood', 'is already given: each member votes once', 'already_voted');
    // Named by no one: an event naming the voter, read beside the distribution just before and
    // after it, would tell their mood from the third vote on. Who voted stays only in retrospective_voters.
    record('retrospective.voted', subjectOf(row, place.unit), [], { orgId: actor.orgId, personId: null });
    return present(trx, actor, place, row);
  });
}

/** Marks an action done, from its retrospective or from its owner's Mine: its owner, the unit's
 *  members and admins may. */
export async function finishRetrospectiveAction(deps: Deps, actor: Actor, actionId: string): Promise<Retrospective> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const action = await getActionPlace(trx, actor.orgId, actionId);
    if (!action) throw notFound('The action');
    const place = await placeOf(trx, actor, action.unitId, action.periodId);
    const mayChange = await policies.changeOkrsOf(trx, actor, action.unitId);
    await authorise(mayChange || action.ownerId === actor.personId, 'mark this action done');
    const row = (await getRetrospectiveRow(trx, actor.orgId, action.unitId, action.periodId))!;
    if (!action.done) {
      if ((await markActionDone(trx, actor.orgId, action, now)) !== 'updated') throw staleVersion('The retrospective');
      record('retrospective.actionDone', subjectOf(row, place.unit), [{ field: 'actionId', before: null, after: action.id }, { field: 'text', before: null, after: action.text }]);
    }
    return present(trx, actor, place, (await getRetrospectiveRow(trx, actor.orgId, action.unitId, action.periodId))!);
  });
}

/** The person's actions not done, any cycle, for Mine; none of an archived unit's. */
export async function myRetrospectiveActions(db: Db, actor: Actor, archived: ReadonlySet<string>): Promise<MyRetrospectiveAction[]> {
  return (await openActionsOwnedBy(db, actor.orgId, actor.personId)).filter((a) => !archived.has(a.unitId))
    .map(({ periodStart: _s, ...a }) => a);
}
