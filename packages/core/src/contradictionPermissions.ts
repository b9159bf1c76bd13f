// Who may flag two key results as contradicting each other, and clear the flag: those who answer
// for either key result (members of its unit) and those who coordinate the units (members of a
// unit above either, where the alignment between teams is held), and admins. Anyone may read it.

export interface ContradictionSide {
  /** Member of the key result's unit or of a unit above it. */
  actorIsMemberOrAbove: boolean;
}

export function mayFlagContradiction(actor: { isAdmin: boolean }, sides: readonly ContradictionSide[]): boolean {
  return actor.isAdmin || sides.some((s) => s.actorIsMemberOrAbove);
}

/** Clearing says the two no longer pull apart: the same people who may raise the flag. */
export const mayClearContradiction = mayFlagContradiction;
