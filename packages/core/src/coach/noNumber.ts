// no-number: a key result that says what, not how much. "Det skal være realistisk og målbart"
// (article 001): without a measure and a start and a target there is nothing to check in against.
import { keyResultHint, keyResultsOf, type CoachRule } from './plan.js';

export const noNumber: CoachRule = (plan) => keyResultsOf(plan)
  .filter((kr) => kr.type !== 'milestone' && (kr.measure.trim() === '' || (kr.start === 0 && kr.target === 0)))
  .map((kr) => keyResultHint('no-number', 'warning', kr.id));
