// no-owner: an objective or a key result nobody owns. The pitfall "no ownership"; "det har vært
// viktig å gjøre de grepene vi kan for at alle skal føle eierskap" (article 001).
import { keyResultHint, objectiveHint, type CoachRule } from './plan.js';

export const noOwner: CoachRule = (plan) => plan.objectives.flatMap((o) => [
  ...(o.ownerIds.length === 0 ? [objectiveHint('no-owner', 'advice', o.id)] : []),
  ...o.keyResults.filter((kr) => kr.ownerId === null).map((kr) => keyResultHint('no-owner', 'advice', kr.id)),
]);
