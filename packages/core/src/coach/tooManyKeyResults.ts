// too-many-key-results: an objective measured in more ways than anyone follows weekly; the few
// that matter get lost among the rest.
import { objectiveHint, type CoachRule } from './plan.js';

export const tooManyKeyResults: CoachRule = (plan, { maxKeyResultsPerObjective }) => plan.objectives
  .filter((o) => o.keyResults.length > maxKeyResultsPerObjective)
  .map((o) => objectiveHint('too-many-key-results', 'warning', o.id, { count: o.keyResults.length, limit: maxKeyResultsPerObjective }));
