// late-progress-only: an objective whose key results are all milestones moves only when they are
// done, at the end. "Det kan fort bli til at en OKR har «all» progresjon mot slutten av en periode
// eller etter en milepæl" (article 001): a key result that moves on the way shows if it is on track.
import { objectiveHint, type CoachRule } from './plan.js';

export const lateProgressOnly: CoachRule = (plan) => plan.objectives
  .filter((o) => o.keyResults.length > 0 && o.keyResults.every((kr) => kr.type === 'milestone'))
  .map((o) => objectiveHint('late-progress-only', 'advice', o.id, { milestones: o.keyResults.length }));
