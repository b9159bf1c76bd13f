// What nothing pays into: of the Moals and the objectives above a set of units, those that no
// objective of theirs aligns to, directly or through one of their key results. Seen at the
// alignment between units, a Moal nobody works towards is a gap in the plan (article 004's first
// planning question: do our OKRs pay into the organisation's OKRs and the Moals?).

export interface PayableTarget { id: string; keyResultIds: readonly string[] }
export type PaymentLink = { objectiveId: string } | { keyResultId: string } | { kpiId: string };

/** The ids of the targets no link points at, in their order. */
export function unpaidTargets(targets: readonly PayableTarget[], links: readonly PaymentLink[]): string[] {
  const paid = new Set(links.map((l) => ('objectiveId' in l ? l.objectiveId : 'keyResultId' in l ? l.keyResultId : l.kpiId)));
  return targets.filter((t) => !paid.has(t.id) && !t.keyResultIds.some((k) => paid.has(k))).map((t) => t.id);
}
