// Flags on two key results that contradict each other, shown on both units' pages until cleared.
// Who may flag and clear them is core's contradictionPermissions: the members of either unit and
// of the units above them (where the alignment between teams is held), and admins.
import { createdChanges, fieldChanges, mayClearContradiction, mayFlagContradiction, type Contradiction, type ContradictionCreate, type KeyResultPlace, type Page } from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { contradictionSubject, fieldsOf } from '../events/subjects.js';
import {
  clearContradiction, getContradictionRow, insertContradiction, keyResultPlacesOf, listContradictionRows, standingFlagBetween,
} from '../store/contradictions.js';
import type { ContradictionTable } from '../store/schema.js';
import { ancestorsOf, unitsWithMember } from '../store/units.js';
import { peopleNames } from '../store/people.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise } from '../auth/policies.js';
import type { Actor, Deps } from './context.js';
import { conflictOn, invalid, notFound } from './errors.js';
import { cursorOf } from './paging.js';

/** For each of the units, whether the actor is a member of it or of a unit above it. */
async function memberOrAbove(db: Db, actor: Actor, unitIds: readonly string[]): Promise<Map<string, boolean>> {
  const unique = [...new Set(unitIds)];
  const chains = await Promise.all(unique.map(async (u) => [u, ...(await ancestorsOf(db, actor.orgId, u)).map((a) => a.id)]));
  const member = await unitsWithMember(db, actor.orgId, actor.personId, chains.flat());
  return new Map(unique.map((u, i) => [u, chains[i]!.some((id) => member.has(id))]));
}

async function present(db: Db, actor: Actor, rows: readonly ContradictionTable[]): Promise<Contradiction[]> {
  const places = await keyResultPlacesOf(db, actor.orgId, rows.flatMap((r) => [r.key_result_a, r.key_result_b]));
  // A flag on a key result in the trash is not shown until it is restored.
  const shown = rows.filter((r) => places.has(r.key_result_a) && places.has(r.key_result_b));
  const [names, near] = await Promise.all([
    peopleNames(db, actor.orgId, shown.flatMap((r) => [r.flagged_by, r.cleared_by].filter((p): p is string => p !== null))),
    memberOrAbove(db, actor, [...places.values()].map((p) => p.unitId)),
  ]);
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return shown.map((r) => {
    const keyResults = [places.get(r.key_result_a)!, places.get(r.key_result_b)!];
    const sides = keyResults.map((k) => ({ actorIsMemberOrAbove: near.get(k.unitId) ?? false }));
    return {
      id: r.id, keyResults, note: r.note, flaggedBy: person(r.flagged_by), flaggedAt: r.flagged_at, clearedBy: person(r.cleared_by), clearedAt: r.cleared_at,
      can: { clear: r.cleared_at === null && mayClearContradiction(actor, sides) },
    };
  });
}

export async function readContradictions(deps: Deps, actor: Actor, filter: { unitIds?: readonly string[] | undefined; cleared: boolean },
  limit: number, cursor: string | undefined, db: Db = deps.store.db): Promise<Page<Contradiction>> {
  const rows = await listContradictionRows(db, actor.orgId, filter, limit + 1, cursorOf(cursor));
  const page = rows.slice(0, limit);
  return { items: await present(db, actor, page), nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}

/** What a flag's events tell; a standing flag has no clearedAt to tell. */
const eventView = (r: { key_result_a: string; key_result_b: string; note: string; cleared_at: string | null }) =>
  ({ keyResultIds: [r.key_result_a, r.key_result_b], note: r.note, clearedAt: r.cleared_at ?? undefined });

export async function flagContradiction(deps: Deps, actor: Actor, input: ContradictionCreate): Promise<Contradiction> {
  const id = newId();
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const [a, b] = input.keyResultIds as [string, string];
    const places = await keyResultPlacesOf(trx, actor.orgId, [a, b]);
    input.keyResultIds.forEach((k, i) => { if (!places.has(k)) throw invalid(`keyResultIds.${i}`, 'is not a key result in this organisation', 'unknown_key_result'); });
    const pair: KeyResultPlace[] = [places.get(a)!, places.get(b)!];
    const near = await memberOrAbove(trx, actor, pair.map((p) => p.unitId));
    await authorise(mayFlagContradiction(actor, pair.map((p) => ({ actorIsMemberOrAbove: near.get(p.unitId) ?? false }))),
      "flag key results of units you are not a member of (or above)");
    if (await standingFlagBetween(trx, actor.orgId, a, b)) throw conflictOn('keyResultIds', 'are flagged as contradicting each other already', 'already_flagged');
    await insertContradiction(trx, { id, orgId: actor.orgId, a, b, note: input.note, by: actor.personId, now });
    const row = (await getContradictionRow(trx, actor.orgId, id))!;
    record('contradiction.flagged', contradictionSubject(row, pair[0]!), createdChanges(eventView(row), fieldsOf<ReturnType<typeof eventView>>('contradiction')));
    return (await present(trx, actor, [row]))[0]!;
  });
}

export async function clearContradictionFlag(deps: Deps, actor: Actor, id: string): Promise<Contradiction> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const row = await getContradictionRow(trx, actor.orgId, id);
    const [shown] = row ? await present(trx, actor, [row]) : [];
    if (!row || !shown) throw notFound('The contradiction flag');
    if (row.cleared_at !== null) throw conflictOn('id', 'is cleared already', 'already_cleared');
    await authorise(shown.can.clear, 'clear a flag on key results of units you are not a member of (or above)');
    if (!(await clearContradiction(trx, actor.orgId, id, actor.personId, now))) throw conflictOn('id', 'is cleared already', 'already_cleared');
    const after = (await getContradictionRow(trx, actor.orgId, id))!;
    record('contradiction.cleared', contradictionSubject(row, shown.keyResults[0]!), fieldChanges(eventView(row), eventView(after), fieldsOf<ReturnType<typeof eventView>>('contradiction')));
    return (await present(trx, actor, [after]))[0]!;
  });
}
