// member-without-initiative: a member of the unit owns no initiative in the cycle. "Ved å sikre at
// alle i teamet hadde «formelt eierskap» til minst ett tiltak" (article 001).
import { unitHint, type CoachRule } from './plan.js';

export const memberWithoutInitiative: CoachRule = (plan) => {
  const owners = new Set(plan.initiatives.map((i) => i.ownerId));
  return plan.unit.members.filter((m) => !owners.has(m.personId))
    .map((m) => unitHint('member-without-initiative', 'advice', plan.unit.id, { personId: m.personId, name: m.name }));
};
