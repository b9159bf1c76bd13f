// Decides what a review must decide before it closes, and what each key result ends up with.
// Every objective and key result not done gets a decision (article 004: what is still open must be
// adjusted, carried to the next cycle or put in the backlog). A key result without a decision of its
// own follows its objective's, so deciding an objective decides its open key results; a key result
// may differ (promote one to a KPI, drop another). Carried and parked work always travels in a copy
// of its objective: a key result carried over under an objective decided `done` gets a carried copy
// of that objective holding only what was carried.

export const REVIEW_DECISIONS = ['done', 'carryOver', 'backlog', 'drop', 'promoteToKpi'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
/** An objective cannot become a KPI; its key results can. */
export const OBJECTIVE_DECISIONS: readonly ReviewDecision[] = Object.freeze(['done', 'carryOver', 'backlog', 'drop']);

export interface ReviewedKeyResult { id: string; score: number; decision: ReviewDecision | null }
export interface ReviewedObjective {
  id: string;
  /** The objective's status in the cycle: done and cancelled ones need no decision. */
  status: string;
  score: number | null;
  decision: ReviewDecision | null;
  keyResults: readonly ReviewedKeyResult[];
}

/** A key result reached (score 1.0) is done; an objective is done when marked so, cancelled, or all
 *  of its key results are done. */
export const keyResultIsDone = (kr: { score: number }) => kr.score >= 1 - 1e-9;
export function objectiveIsDone(o: Pick<ReviewedObjective, 'status' | 'keyResults'>): boolean {
  return o.status === 'done' || o.status === 'cancelled' || (o.keyResults.length > 0 && o.keyResults.every(keyResultIsDone));
}

/** The decision that applies to a key result on closing: its own; else `done` once reached (a
 *  reached key result is not carried with its objective); else its objective's; else `done` under
 *  a done objective; null when nothing decides it. */
export function effectiveDecision(o: ReviewedObjective, kr: ReviewedKeyResult): ReviewDecision | null {
  if (kr.decision) return kr.decision;
  if (keyResultIsDone(kr)) return 'done';
  if (o.decision) return o.decision;
  if (objectiveIsDone(o)) return 'done';
  return null;
}

export type Undecided = { kind: 'objective' | 'keyResult'; id: string };

/** The items that still lack a decision, in the review's order: an open objective without one, and
 *  each open key result of it without one of its own. Empty: the review may close. */
export function undecidedItems(objectives: readonly ReviewedObjective[]): Undecided[] {
  const out: Undecided[] = [];
  for (const o of objectives) {
    if (objectiveIsDone(o) || o.decision) continue;
    const open = o.keyResults.filter((kr) => !kr.decision && !keyResultIsDone(kr));
    if (open.length === 0 && o.keyResults.some((kr) => kr.decision)) continue;
    out.push({ kind: 'objective', id: o.id });
    for (const kr of open) out.push({ kind: 'keyResult', id: kr.id });
  }
  return out;
}

/** What closing does with an objective: the key results to carry over and to park (each group in a
 *  copy of the objective), those to promote to KPIs, and whether each copy is made — only when it
 *  holds key results, or the objective has none and was itself carried or parked (no empty copies). */
export function closingPlan(o: ReviewedObjective): { carryOver: string[]; backlog: string[]; promote: string[]; copyToNext: boolean; copyToBacklog: boolean } {
  const plan = { carryOver: [] as string[], backlog: [] as string[], promote: [] as string[] };
  for (const kr of o.keyResults) {
    const d = effectiveDecision(o, kr);
    if (d === 'carryOver') plan.carryOver.push(kr.id);
    else if (d === 'backlog') plan.backlog.push(kr.id);
    else if (d === 'promoteToKpi') plan.promote.push(kr.id);
  }
  const bare = o.keyResults.length === 0;
  return {
    ...plan,
    copyToNext: plan.carryOver.length > 0 || (bare && o.decision === 'carryOver'),
    copyToBacklog: plan.backlog.length > 0 || (bare && o.decision === 'backlog'),
  };
}

type Link = { objectiveId: string } | { keyResultId: string } | { kpiId: string };
/** The links a carried or parked copy keeps: to KPIs and to the year's Moals (objectives of a year,
 *  or their key results), which outlive the cycle. A link to work of the old cycle would have the
 *  copy pay into something that has ended; the workshop asks for new links instead. `periodKindOf`
 *  answers the kind of period a linked objective or key result belongs to. */
export function lastingAlignments<L extends Link>(links: readonly L[], periodKindOf: (link: L) => 'year' | 'cycle' | undefined): L[] {
  return links.filter((l) => 'kpiId' in l || periodKindOf(l) === 'year');
}
