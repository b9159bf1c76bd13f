// The coach: every rule over a unit's plan, hints in a stable order (by rule, then as the plan
// lists its objectives and key results).
import { noNumber } from './noNumber.js';
import { taskLike } from './taskLike.js';
import { tooManyObjectives } from './tooManyObjectives.js';
import { tooManyKeyResults } from './tooManyKeyResults.js';
import { noAlignment } from './noAlignment.js';
import { noOwner } from './noOwner.js';
import { targetEqualsStart } from './targetEqualsStart.js';
import { lateProgressOnly } from './lateProgressOnly.js';
import { memberWithoutInitiative } from './memberWithoutInitiative.js';
import type { CoachOptions, CoachPlan, CoachRule, Hint } from './plan.js';

export * from './plan.js';
export { TASK_VERBS, taskVerbOf } from './taskLike.js';

export const COACH_DEFAULTS: Required<CoachOptions> = { maxObjectivesPerTeam: 3, maxKeyResultsPerObjective: 5 };

const RULES: readonly CoachRule[] = [
  noNumber, taskLike, targetEqualsStart, noOwner, tooManyKeyResults, lateProgressOnly, noAlignment, tooManyObjectives, memberWithoutInitiative,
];

export function coachHints(plan: CoachPlan, options: CoachOptions = {}): Hint[] {
  const settings = { ...COACH_DEFAULTS, ...options };
  return RULES.flatMap((rule) => rule(plan, settings));
}

/** The hints about one objective or key result, for the objects that carry them. */
export function hintsAbout(hints: readonly Hint[], kind: Hint['subject']['kind'], id: string): Array<Pick<Hint, 'code' | 'severity' | 'params'>> {
  return hints.filter((h) => h.subject.kind === kind && h.subject.id === id).map(({ code, severity, params }) => ({ code, severity, params }));
}
