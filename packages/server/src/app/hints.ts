// The coach's hints as the answers carry them: core's coach run once per unit and period over the
// objectives and key results an answer already loaded, and the dismissals of those hints read in
// one query for the whole answer.
//
// Objectives and key results carry hints while they are drafts, and only then: the coach is the
// planning workshop's, and a published OKR is changed by its check-ins, not reworded; a hint on it
// would only nag all cycle long. It also keeps the reads of a cycle under way (the team page,
// benchmarked) free of any extra query: no draft, nothing to compute and nothing to read.
import { coachHints, type CoachObjective, type CoachPlan, type Hint, type HintView } from '@varde/core';
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

const keyOf = (kind: string, id: string, code: string) => `${kind} ${id} ${code}`;
export const dismissalView = (d: DismissalRecord) => ({ id: d.id, reason: d.reason, by: d.by, at: d.at });

/** The hints, each with its dismissal, looked up by what they are about. */
export async function withDismissals(db: Db, orgId: string, hints: readonly Hint[]): Promise<(kind: Hint['subject']['kind'], id: string) => HintView[]> {
  if (hints.length === 0) return () => [];
  const dismissals = new Map((await dismissalsOf(db, orgId, hints.map((h) => h.subject.id))).map((d) => [keyOf(d.subjectKind, d.subjectId, d.code), d]));
  const views = groupBy(hints, (h) => `${h.subject.kind} ${h.subject.id}`);
  return (kind, id) => (views.get(`${kind} ${id}`) ?? []).map((h) => {
    const d = dismissals.get(keyOf(h.subject.kind, h.subject.id, h.code));
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
