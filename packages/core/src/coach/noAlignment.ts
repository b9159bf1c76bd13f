// no-alignment: an objective that pays into nothing above. "Betaler våre OKRs til selskapet OKRs
// and the Moals?" (article 004, the first planning question); the pitfall "no link to strategy".
// The organisation's own objectives are the top and pay into the strategy itself.
import { objectiveHint, type CoachRule } from './plan.js';

export const noAlignment: CoachRule = (plan) => (plan.unit.isRoot ? [] : plan.objectives
  .filter((o) => o.alignmentCount === 0)
  .map((o) => objectiveHint('no-alignment', 'advice', o.id)));
