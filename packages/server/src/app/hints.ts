// The coach's hints as the answers carry them: core's coach run once per unit and period over the
// objectives and key results an answer already loaded, and the dismissals of those hints read in
// one query for the whole answer.
//
// Objectives and key results carry hints while they are drafts, and only then: the coach is the
// planning workshop's, and a published OKR is changed by its check-ins, not reworded; a hint on it
// would only nag all cycle long. It also keeps the reads of a cycle under way (the team page,
// benchmarked) free of any extra query: no draft, nothing to compute and nothing to read.
import {
  coachHints, createdChanges, deletedChanges, hintAbout, HINT_CODES_ABOUT_A_PERSON,
  type CoachObjective, type CoachPlan, type EventSubject, type Hint, type HintDismissalCreate, type HintDismissalView, type HintView,
} from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { fieldsOf } from '../events/subjects.js';
import { getKeyResult, keyResultRefs } from '../store/keyResults.js';
import { getObjective } from '../store/objectives.js';
import { getUnit } from '../store/units.js';
import { newId } from '../store/ids.js';
import { deleteDismissal, getDismissal, insertDismissal } from '../store/plans.js';
import { authorise, policies } from '../auth/policies.js';
import type { Actor, Deps } from './context.js';
import { conflictOn, invalid, notFound } from './errors.js';
import type { KeyResultRecord } from '../store/keyResults.js';
import type { ObjectiveRecord } from '../store/objectives.js';
import { dismissalsOf, type DismissalRecord } from '../store/plans.js';
import type { Db } from '../store/executor.js';
import { NO_HINTS, type HintsOf } from '../presenters/okr.js';
import { groupBy } from './groupBy.js';

type CoachedObjective = Pick<ObjectiveRecord, 'id' | 'title' | 'ownerIds' | 'unitId' | 'periodId'> & { status: string; alignmentCount: number };
type CoachedKeyResult = Pick<KeyResultRecord, 'id' | 'objectiveId' | 'title' | 'type' | 'start' | 'target' | 'measure' | 'ownerId'>;

export const coachObjective = (o: Omit<CoachedObjective, 'status' | 'unitId' | 'periodId'>, krs: readonly CoachedKeyResult[]): CoachObjective => ({
  id: o.id, title: o.title, ownerIds: o.ownerIds, alignmentCount: o.alignmentCount,
  keyResults: krs.map((k) => ({ id: k.id, title: k.title, type: k.type, start: k.start, target: k.target, measure: k.measure, ownerId: k.ownerId })),
});

/** The hints about drafts and their key results. What the coach says of an objective depends on it
 *  alone (its key results, owners and links), so a plan per unit and period without its members
 *  and initiatives gives each objective what the workshop's whole plan gives it. */
export function draftHints(objectives: readonly CoachedObjective[], keyResults: readonly CoachedKeyResult[], isRootUnit: (unitId: string) => boolean): Hint[] {
  const drafts = objectives.filter((o) => o.status === 'draft');
  if (drafts.length === 0) return [];
  const krsOf = groupBy(keyResults, (k) => k.objectiveId);
  const groups = groupBy(drafts, (o) => `${o.unitId} ${o.periodId}`);
  return [...groups.values()].flatMap((group) => {
    const plan: CoachPlan = {
      unit: { id: group[0]!.unitId, kind: '', isRoot: isRootUnit(group[0]!.unitId), members: [] },
      objectives: group.map((o) => coachObjective(o, krsOf.get(o.id) ?? [])), initiatives: [],
    };
    return coachHints(plan).filter((h) => h.subject.kind !== 'unit');
  });
}

const keyOf = (kind: string, id: string, code: string, about: string) => `${kind} ${id} ${code} ${about}`;
export const dismissalView = (d: DismissalRecord) => ({ id: d.id, reason: d.reason, by: d.by, at: d.at });

/** The hints, each with its dismissal, looked up by what they are about. */
export async function withDismissals(db: Db, orgId: string, hints: readonly Hint[]): Promise<(kind: Hint['subject']['kind'], id: string) => HintView[]> {
  if (hints.length === 0) return () => [];
  const dismissals = new Map((await dismissalsOf(db, orgId, hints.map((h) => h.subject.id))).map((d) => [keyOf(d.subjectKind, d.subjectId, d.code, d.about), d]));
  const views = groupBy(hints, (h) => `${h.subject.kind} ${h.subject.id}`);
  return (kind, id) => (views.get(`${kind} ${id}`) ?? []).map((h) => {
    const d = dismissals.get(keyOf(h.subject.kind, h.subject.id, h.code, hintAbout(h)));
    return { code: h.code, severity: h.severity, params: h.params, dismissal: d ? dismissalView(d) : null };
  });
}

/** For the reads that present objectives (presenters/okr.ts): the hints of the drafts among them. */
export async function hintsForObjectives(db: Db, orgId: string, objectives: readonly ObjectiveRecord[], keyResults: readonly KeyResultRecord[],
  rootUnitId: () => Promise<string | undefined>): Promise<HintsOf> {
  if (!objectives.some((o) => o.status === 'draft')) return NO_HINTS;
  const root = await rootUnitId();
  const hints = draftHints(objectives.map((o) => ({ ...o, alignmentCount: o.alignments.length })), keyResults, (u) => u === root);
  return withDismissals(db, orgId, hints);
}

// — Dismissing a hint with a reason, and taking the dismissal back —

type HintSubjectKind = HintDismissalCreate['subjectKind'];
/** What a hint is about: its unit (whose members may dismiss it) and its name for the events. */
async function subjectOf(db: Db, orgId: string, kind: HintSubjectKind, id: string): Promise<EventSubject | undefined> {
  if (kind === 'unit') {
    const u = await getUnit(db, orgId, id);
    return u ? { kind: 'hint', id: '', name: u.name, unitId: u.id } : undefined;
  }
  if (kind === 'objective') {
    const o = await getObjective(db, orgId, id);
    return o ? { kind: 'hint', id: '', name: o.title, unitId: o.unitId, objectiveId: o.id } : undefined;
  }
  const [kr, ref] = await Promise.all([getKeyResult(db, orgId, id), keyResultRefs(db, orgId, [id])]);
  const place = ref.get(id);
  return kr && place ? { kind: 'hint', id: '', name: kr.title, unitId: place.unitId, objectiveId: kr.objectiveId, keyResultId: kr.id } : undefined;
}

const changesOf = (d: { subjectKind: string; subjectId: string; code: string; reason: string }) =>
  ({ subjectKind: d.subjectKind, subjectId: d.subjectId, code: d.code, reason: d.reason });
const HINT_FIELDS = fieldsOf<ReturnType<typeof changesOf>>('hint');

export async function dismissHint(deps: Deps, actor: Actor, input: HintDismissalCreate): Promise<HintDismissalView> {
  const id = newId();
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const subject = await subjectOf(trx, actor.orgId, input.subjectKind, input.subjectId);
    if (!subject) throw invalid('subjectId', `is not a${input.subjectKind === 'unit' ? ' unit' : input.subjectKind === 'objective' ? 'n objective' : ' key result'} in this organisation`, 'unknown_subject');
    await authorise(policies.changeOkrsOf(trx, actor, subject.unitId!), "dismiss the coach's hints on this unit's OKRs");
    if (HINT_CODES_ABOUT_A_PERSON.includes(input.code) && !input.about) throw invalid('about', 'must name the person the hint is about, since there is one such hint per person', 'required');
    const reason = input.reason.trim();
    if (!(await insertDismissal(trx, { id, orgId: actor.orgId, ...input, about: input.about ?? '', reason, personId: actor.personId, at: now }))) {
      throw conflictOn('code', 'is already dismissed for this subject; take that dismissal back first', 'already_dismissed');
    }
    record('hint.dismissed', { ...subject, id }, createdChanges(changesOf({ ...input, reason }), HINT_FIELDS));
    const d = (await getDismissal(trx, actor.orgId, id))!;
    return { ...dismissalView(d), subjectKind: d.subjectKind, subjectId: d.subjectId, code: d.code, about: d.about };
  });
}

export async function reinstateHint(deps: Deps, actor: Actor, id: string): Promise<void> {
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    const d = await getDismissal(trx, actor.orgId, id);
    if (!d) throw notFound('The dismissal');
    const subject = await subjectOf(trx, actor.orgId, d.subjectKind, d.subjectId);
    // What it was about may be gone (in the trash): then only an admin tidies it away.
    await authorise(subject ? policies.changeOkrsOf(trx, actor, subject.unitId!) : actor.isAdmin, "take back dismissals of hints on this unit's OKRs");
    if (!(await deleteDismissal(trx, actor.orgId, id))) throw notFound('The dismissal');
    record('hint.reinstated', { ...(subject ?? { kind: 'hint', name: d.code }), id }, deletedChanges(changesOf(d), HINT_FIELDS));
  });
}

/** For one key result read on its own: its hints while its objective is a draft. */
export async function hintsForKeyResult(db: Db, orgId: string, kr: KeyResultRecord): Promise<HintsOf> {
  const objective = await getObjective(db, orgId, kr.objectiveId);
  if (objective?.status !== 'draft') return NO_HINTS;
  const hints = draftHints([{ ...objective, alignmentCount: objective.alignments.length }], [kr], () => false).filter((h) => h.subject.kind === 'keyResult');
  return withDismissals(db, orgId, hints);
}
