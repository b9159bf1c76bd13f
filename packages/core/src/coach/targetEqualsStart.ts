// target-equals-start: a key result to move from a value to the same value; nothing can show
// progress. (A threshold keeps its start only as a reference, and a milestone has neither.)
import { keyResultHint, keyResultsOf, type CoachRule } from './plan.js';

export const targetEqualsStart: CoachRule = (plan) => keyResultsOf(plan)
  .filter((kr) => (kr.type === 'increase' || kr.type === 'decrease') && kr.start === kr.target && !(kr.start === 0 && kr.measure.trim() === ''))
  .map((kr) => keyResultHint('target-equals-start', 'warning', kr.id, { value: kr.start }));
